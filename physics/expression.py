"""Parsing landscapes typed by the user: ``"0.5*(x**2 + 100*y**2)"`` -> a sympy tree.

Text reaches this module from the GUI, the command line and shared scenario files,
so it is treated as hostile. It is never run as code: no ``eval``, ``exec`` or
``compile``, and no ``sympy.sympify``/``parse_expr`` (both call ``eval``). It is
parsed with ``ast.parse(..., mode="eval")``, which only builds a syntax tree, and we
walk that tree against an explicit whitelist, building the sympy expression node by
node. ``sympy.lambdify`` does generate code, but from our own whitelisted tree.

Grammar (Python's expression syntax, restricted)::

    expr := number | x | y | pi | e | +expr | -expr | expr op expr | f(expr)
    op   := +  -  *  /  **  ^            (^ is power: people type x^2)
    f    := sin cos tan sinh cosh tanh exp log sqrt abs atan asin acos
            arctan arcsin arccos         (numpy-style aliases)

Resource guards, so that no input can hang the app or exhaust memory: at most 500
characters, 200 syntax nodes and nesting depth 50; every number a finite float64;
numeric exponents of non-constant bases within ``|n| <= 100``; constants folded as
floats, so ``9**9**9`` overflows at once instead of building a 370-million-digit
integer; functions opaque to sympy (see :func:`_function`); the derivative trees
size-capped; and, as a backstop, a time limit on all sympy work. Turning the tree into
a :class:`~physics.landscape.Landscape` (exact derivatives, minima, hints) is
:mod:`physics.expression_landscape`'s job.
"""

from __future__ import annotations

import ast
import ctypes
import math
import re
import threading
import warnings

import sympy

from optimizers.translation import translate

from .limits import MAX_EXPRESSION_LENGTH

MAX_NODES, MAX_DEPTH, MAX_EXPONENT = 200, 50, 100
MAX_LENGTH = MAX_EXPRESSION_LENGTH
TIME_LIMIT = 3.0  # seconds of sympy work per expression; typical ones need < 0.1 (slack for a loaded machine)

X = sympy.Symbol("x", real=True)
Y = sympy.Symbol("y", real=True)


class ExpressionError(ValueError):
    """A typed expression was rejected; the message is one user-facing line.

    It names the problem and, where possible, the 1-based column or the offending
    token, e.g. ``"unknown name 'z' at column 5 (use x, y, pi, e)"``.
    """


def _function(name: str, derivative, numeric) -> type:
    """A real function of one argument that sympy knows only by its derivative.

    Opaque on purpose: sympy's own sin, tanh, sqrt... reason about signs and real
    parts as they are built, without bound (a 100-character nest of them took 8 s),
    and its Abs differentiates into DiracDelta, which numpy lacks. Named like sympy's
    functions, so printers write ``numpy.sin`` and ``\\sin``. Constants are folded
    with ``numeric`` when the tree is built.
    """
    def fdiff(self, argindex=1):
        return derivative(self.args[0])

    return type(name, (sympy.Function,), {"nargs": 1, "is_real": True, "fdiff": fdiff,
                                          "numeric": staticmethod(numeric)})


_F: dict[str, type] = {}
for _name, _derivative, _numeric in [
    ("sin", lambda u: _F["cos"](u), math.sin), ("cos", lambda u: -_F["sin"](u), math.cos),
    ("tan", lambda u: 1 + _F["tan"](u) ** 2, math.tan),
    ("sinh", lambda u: _F["cosh"](u), math.sinh), ("cosh", lambda u: _F["sinh"](u), math.cosh),
    ("tanh", lambda u: 1 - _F["tanh"](u) ** 2, math.tanh),
    ("exp", lambda u: _F["exp"](u), math.exp), ("log", lambda u: 1 / u, math.log),
    ("sqrt", lambda u: 1 / (2 * _F["sqrt"](u)), math.sqrt),
    ("Abs", lambda u: _F["sign"](u), abs),
    ("sign", lambda u: sympy.S.Zero, lambda v: math.copysign(v != 0, v)),  # 0 a.e.
    ("atan", lambda u: 1 / (1 + u**2), math.atan),
    ("asin", lambda u: 1 / _F["sqrt"](1 - u**2), math.asin),
    ("acos", lambda u: -1 / _F["sqrt"](1 - u**2), math.acos),
]:
    _F[_name] = _function(_name, _derivative, _numeric)

_NAMES = {"x": X, "y": Y, "pi": sympy.pi, "e": sympy.E}
_FUNCTIONS = {n: _F[n] for n in "sin cos tan sinh cosh tanh exp log sqrt".split()}
_FUNCTIONS.update(abs=_F["Abs"], atan=_F["atan"], asin=_F["asin"], acos=_F["acos"],
                  arctan=_F["atan"], arcsin=_F["asin"], arccos=_F["acos"])
ALLOWED_FUNCTIONS: tuple[str, ...] = tuple(_FUNCTIONS)
_ARITHMETIC = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
               ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}
_BAD_OPS = {ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.BitAnd: "&",
            ast.BitOr: "|", ast.LShift: "<<", ast.RShift: ">>", ast.Not: "not",
            ast.Invert: "~"}


def _not_allowed(node: ast.AST) -> str:
    """The kind of syntax outside the grammar ``node`` is, as its error message names it."""
    comprehensions = translate("errors", "comprehensions")
    return {
        ast.Subscript: translate("errors", "indexing ('[...]')"), ast.Lambda: "lambda",
        ast.IfExp: "'if/else'", ast.Compare: translate("errors", "comparisons"),
        ast.BoolOp: "'and'/'or'", ast.JoinedStr: "f-strings", ast.NamedExpr: "':='",
        ast.Starred: translate("errors", "'*' unpacking"),
        ast.Tuple: translate("errors", "tuples (',')"), ast.List: translate("errors", "lists"),
        ast.Set: translate("errors", "sets"), ast.Dict: translate("errors", "dicts"),
        ast.ListComp: comprehensions, ast.SetComp: comprehensions,
        ast.DictComp: comprehensions, ast.GeneratorExp: comprehensions,
        ast.Slice: translate("errors", "slices"),
    }.get(type(node), type(node).__name__)


def as_float(n) -> float:
    """``float(n)``, but inf beyond float64 and nan for complex instead of raising."""
    try:
        return float(n)
    except OverflowError:
        return math.inf
    except TypeError:
        return math.nan


class _OutOfTime(BaseException):
    """Raised by the watchdog; a BaseException, so sympy's ``except Exception`` can't eat it."""


def time_limited(seconds: float, work, *args):
    """``work(*args)``, or ExpressionError once it has run ``seconds``.

    The backstop behind the size guards, as sympy's automatic simplification has no
    cost bound of its own. A timer thread raises :class:`_OutOfTime` in this thread
    through CPython's ``PyThreadState_SetAsyncExc``, which interrupts Python code at
    the next bytecode; the lock and the final withdrawal make sure it can never land
    after we have left. Without ``ctypes.pythonapi`` (not CPython) there is no limit.
    """
    set_async = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if set_async is None:
        return work(*args)
    thread, lock, running = ctypes.c_ulong(threading.get_ident()), threading.Lock(), [True]

    def interrupt():
        with lock:
            if running[0]:
                set_async(thread, ctypes.py_object(_OutOfTime))

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    try:
        timer.start()
        try:
            return work(*args)
        finally:
            with lock:
                running[0] = False
                set_async(thread, None)  # withdraw one that has not landed yet
            timer.cancel()
    except _OutOfTime:
        raise ExpressionError(translate("errors", "expression is too complex (gave up after "
                                        "{seconds} s)").format(seconds=f"{seconds:g}")) from None


class _Builder:
    """Builds sympy from a parsed tree; maps tree offsets to the user's columns."""

    def __init__(self, text: str, columns: list[int]):
        self.text = text  # the parsed text, with ^ already replaced by **
        self.columns = columns  # index in the parsed text -> 1-based column as typed

    def fail(self, message: str, node: ast.AST, offset: int | None = None, **fields):
        """Raise ``message`` with its ``{column}`` and ``fields`` filled (offsets: UTF-8 bytes)."""
        offset = node.col_offset if offset is None else offset
        head = self.text.encode("utf-8", "surrogatepass")[:offset]
        index = len(head.decode("utf-8", "ignore"))
        raise ExpressionError(message.format(column=self.columns[index], **fields))

    def build(self, node: ast.AST) -> sympy.Expr:
        """Build one node, then refuse anything infinite or complex it produced."""
        result = self._build(node)
        if result.has(sympy.zoo, sympy.oo, -sympy.oo, sympy.nan):
            self.fail(translate("errors", "expression is undefined (division by zero?) at column "
                                "{column}"), node)
        if result.has(sympy.I):
            self.fail(translate("errors", "expression is not real at column {column}"), node)
        if not all(math.isfinite(as_float(a)) for a in result.atoms(sympy.Number)):
            # sympy multiplies 1e300*1e300 itself
            self.fail(translate("errors", "number too large at column {column}"), node)
        return result

    def _build(self, node: ast.AST) -> sympy.Expr:
        if isinstance(node, ast.Constant):
            if type(node.value) in (int, float):  # type(), because bool is an int
                return self._number(node.value, node)
            if isinstance(node.value, complex):
                self.fail(translate("errors", "complex numbers are not allowed at column {column}"),
                          node)
            if isinstance(node.value, (str, bytes)):
                self.fail(translate("errors", "strings are not allowed at column {column}"), node)
            self.fail(translate("errors", "{value} is not allowed at column {column}"), node,
                      value=repr(node.value))
        if isinstance(node, ast.Name):
            if node.id in _NAMES:
                return _NAMES[node.id]
            if node.id in _FUNCTIONS:
                self.fail(translate("errors", "function '{name}' needs an argument at column "
                                    "{column}, e.g. {name}(x)"), node, name=node.id)
            self.fail(translate("errors", "unknown name '{name}' at column {column} "
                                "(use x, y, pi, e)"), node, name=node.id)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
            operand = self.build(node.operand)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Pow, ast.BitXor)):
            return self._power(self.build(node.left), self.build(node.right), node)
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            left, right = self.build(node.left), self.build(node.right)
            try:
                return _ARITHMETIC[type(node.op)](left, right)
            except ZeroDivisionError:  # sympy's Float / 0.0 raises (Integer / 0 is zoo)
                self.fail(translate("errors", "division by zero at column {column}"), node)
        if isinstance(node, (ast.BinOp, ast.UnaryOp)):
            self.fail(translate("errors", "operator '{operator}' is not allowed at column "
                                "{column}"), node, operator=_BAD_OPS.get(type(node.op), "?"))
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.Attribute):  # point at the attribute, not its owner
            self.fail(translate("errors", "attribute access '.{name}' is not allowed at column "
                                "{column}"), node, name=node.attr,
                      offset=node.end_col_offset - len(node.attr.encode()) - 1)
        self.fail(translate("errors", "{what} not allowed at column {column}"), node,
                  what=_not_allowed(node))

    def _number(self, value: int | float, node: ast.AST) -> sympy.Expr:
        if not math.isfinite(as_float(value)):
            if math.isnan(as_float(value)):
                self.fail(translate("errors", "not a real number at column {column}"), node)
            self.fail(translate("errors", "number too large at column {column}"), node)
        # Exact while a small integer; past 2**53 a float, as numpy cannot take huge
        # Python integers and the digits beyond float precision mean nothing here.
        if isinstance(value, int) and abs(value) <= 2**53:
            return sympy.Integer(value)
        return sympy.Float(float(value))

    def _power(self, base: sympy.Expr, exp: sympy.Expr, node: ast.BinOp) -> sympy.Expr:
        if base.is_number and exp.is_number:
            # Fold constants as floats: 9**9**9 overflows at once instead of building
            # a huge integer, and math.pow raises where ** would go complex.
            try:
                value = math.pow(as_float(base), as_float(exp))
            except OverflowError:
                self.fail(translate("errors", "number too large at column {column}"), node)
            except ValueError:
                self.fail(translate("errors", "({base})**({exp}) is undefined at column {column}"),
                          node, base=base, exp=exp)
            if base.is_Integer and exp.is_Integer and exp >= 0:
                return self._number(int(base) ** int(exp), node)  # small: value is finite
            return self._number(value, node)
        if base == sympy.E:  # e**u is exp(u); keep sympy's own exp out of the tree
            return _F["exp"](exp)
        result = sympy.Pow(base, exp)
        for power in result.atoms(sympy.Pow):  # sympy merges (x**100)**100 into x**10000
            if power.exp.is_Number and not abs(as_float(power.exp)) <= MAX_EXPONENT:
                shown = power.exp if power.exp.is_Integer else f"{as_float(power.exp):g}"
                self.fail(translate("errors", "exponent {exponent} too large at column {column} "
                                    "(|exponent| <= {limit})"), node.right,
                          exponent=shown, limit=MAX_EXPONENT)
        return result

    def _call(self, node: ast.Call) -> sympy.Expr:
        func = node.func
        if isinstance(func, ast.Attribute):
            return self._build(func)  # the attribute message, at the attribute
        if not isinstance(func, ast.Name):
            self.fail(translate("errors", "only named functions can be called, e.g. sin(x) at "
                                "column {column}"), node)
        if func.id in _NAMES:
            self.fail(translate("errors", "'{name}' is not a function (write {name}*(...)) at "
                                "column {column}"), node, name=func.id)
        if func.id not in _FUNCTIONS:
            self.fail(translate("errors", "function '{name}' is not allowed at column {column} "
                                "(allowed: {functions})"), node, name=func.id,
                      functions=", ".join(ALLOWED_FUNCTIONS))
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            self.fail(translate("errors", "{name}() takes one plain argument, no keywords or '*' "
                                "at column {column}"), node, name=func.id)
        if len(node.args) != 1:
            self.fail(translate("errors", "{name}() takes exactly 1 argument (got {count}) at "
                                "column {column}"), node, name=func.id, count=len(node.args))
        function, arg = _FUNCTIONS[func.id], self.build(node.args[0])
        if not arg.is_number:
            return function(arg)
        try:  # a constant: fold it now, as a float (sin(1) -> 0.841...)
            return self._number(function.numeric(as_float(arg)), node)
        except OverflowError:
            self.fail(translate("errors", "number too large at column {column}"), node)
        except ValueError:
            self.fail(translate("errors", "{name}({value}) is undefined at column {column}"),
                      node, name=func.id, value=f"{as_float(arg):g}")


def own_functions(expr: sympy.Expr) -> sympy.Expr:
    """Our opaque Abs and sign where sympy made its own ((y**2)**x -> Abs(y)**(2*x)):
    sympy's sign differentiates into DiracDelta."""
    return expr.replace(sympy.Abs, _F["Abs"]).replace(sympy.sign, _F["sign"])


def _check_tree(tree: ast.AST) -> None:
    """Count nodes and measure depth without recursion, before anything recurses."""
    skip = (ast.expr_context, ast.operator, ast.unaryop, ast.boolop, ast.cmpop)
    count, stack = 0, [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ExpressionError(translate("errors", "expression is too complex (max {limit} "
                                            "parts)").format(limit=MAX_NODES))
        if depth > MAX_DEPTH:
            raise ExpressionError(translate("errors", "expression is nested too deeply (max depth "
                                            "{limit})").format(limit=MAX_DEPTH))
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node)
                     if not isinstance(child, skip))


def _syntax_error(msg: str, column: int) -> str:
    """``syntax error at column N``, with Python's words (``msg``) only where they help."""
    if match := re.fullmatch(r"'(.)' was never closed", msg):
        return translate("errors", "syntax error at column {column} ('{bracket}' was never "
                         "closed)").format(column=column, bracket=match[1])
    if match := re.fullmatch(r"unmatched '(.)'", msg):
        return translate("errors", "syntax error at column {column} (unmatched '{bracket}')"
                         ).format(column=column, bracket=match[1])
    if "closed" in msg or "unmatched" in msg:  # other words of Python's: kept as they are
        return translate("errors", "syntax error at column {column} ({detail})").format(
            column=column, detail=msg)
    return translate("errors", "syntax error at column {column}").format(column=column)


def parse_untimed(text: str) -> sympy.Expr:
    """:func:`parse_expression` without the time limit."""
    if not isinstance(text, str):
        raise ExpressionError(translate("errors", "expression must be text"))
    # Any whitespace (tab, newline, no-break space) -> a space: one line, same columns.
    text = "".join(" " if c.isspace() else c for c in text).strip()
    if not text:
        raise ExpressionError(translate("errors", "expression is empty"))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(translate("errors", "expression is too long (max {limit} "
                                        "characters)").format(limit=MAX_LENGTH))
    bad = next((i for i, c in enumerate(text) if not c.isprintable()), None)
    if bad is not None:  # NUL, escape and bidi controls: never meant, sometimes sneaky
        raise ExpressionError(translate("errors", "character U+{code} at column {column} is not "
                                        "allowed").format(code=f"{ord(text[bad]):04X}",
                                                          column=bad + 1))
    # ^ becomes ** in the text, not just in the tree: Python's ^ binds more loosely
    # than +, so x^2 + 3*y^2 would parse as x ^ (2 + 3*y) ^ 2.
    columns = [i + 1 for i, c in enumerate(text) for _ in range(2 if c == "^" else 1)]
    columns.append(len(text) + 1)  # the end of the expression
    parsed = text.replace("^", "**")
    try:
        with warnings.catch_warnings():  # "invalid escape sequence" and the like
            warnings.simplefilter("ignore")
            tree = ast.parse(parsed, mode="eval")
    except SyntaxError as err:
        offset, msg = err.offset or 0, err.msg or ""
        if not 1 <= offset <= len(parsed):  # Python says 0 when the text ends early
            raise ExpressionError(translate("errors", "syntax error at column {column} "
                                            "(expression ended too early)").format(
                                                column=columns[-1])) from None
        raise ExpressionError(_syntax_error(msg, columns[offset - 1])) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError(translate("errors", "expression could not be parsed")) from None
    _check_tree(tree)
    return own_functions(_Builder(parsed, columns).build(tree.body))


def parse_expression(text: str) -> sympy.Expr:
    """Parse user text in ``x`` and ``y`` into a sympy expression, without eval.

    Parameters
    ----------
    text
        The expression as typed, e.g. ``"x^2 + 3*y^2"`` or ``"sin(x) + y**2"``.

    Returns
    -------
    sympy.Expr
        The expression in the real symbols :data:`X` and :data:`Y`. Its functions
        are this module's opaque ones, which print and lambdify like sympy's.

    Raises
    ------
    ExpressionError
        For anything outside the grammar or the resource limits (module docstring).
    """
    return time_limited(TIME_LIMIT, parse_untimed, text)
