"""Scenario files: a :class:`~app.model.scenario.Scenario` as a small TOML file.

File format (UTF-8 TOML, at most 64 KiB)::

    # Momentum Lab scenario
    format = 1                      # required; the only version so far
    title = "Why momentum helps"    # optional free text
    landscape = "ravine"            # a built-in name or an expression in x and y
    domain = [-3.0, 3.0, -2.0, 2.0] # optional, expressions only: xmin, xmax, ymin, ymax
    start = [-4.5, 1.0]             # optional; omitted = the landscape's default start
    sigma = 0.0                     # gradient noise
    seed = 0                        # noise / minibatch seed
    batch_size = 8                  # optional, the landscapes with data ('regression', 'network')
    seeds = 32                      # optional: many seeds, every pane on seeds 0..31 (1–256)

    [[pane]]                        # 1 to 6 panes, in order
    optimizer = "momentum"          # sgd, momentum, nesterov, adam, rmsprop, adagrad,
                                    # adadelta, adamw, nadam
    alpha = 0.018
    mu = 0.9                        # momentum and nesterov
    # beta1 (adam, adamw, nadam), beta2 (those, and rmsprop's and adadelta's ρ),
    # eps (adaptive rules), weight_decay (adamw's λ) where they apply;
    # mu_schedule = ["ramp", 0.5, 0.99, 200]
    # alpha_schedule = ["step", 0.5, 100] or ["cosine", 1000, 0.0]

Files are treated as hostile: they are parsed with :mod:`tomllib` only (nothing is
executed; expressions go through the whitelisting parser of :mod:`physics.expression`),
unknown keys are rejected, and every problem raises :class:`ScenarioError` with one line
naming the file and the bad field.
"""

from __future__ import annotations

import math
import numbers
import stat
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

from app.atomic_file import OutputError, atomic_output
from optimizers.registry import (
    ADAPTIVE,
    USES_BETA1,
    USES_BETA2,
    USES_MU,
    USES_WEIGHT_DECAY,
    OptimizerSettings,
)

from .scenario import MAX_PANES, Scenario, ScenarioError, in_pane, show_value
from .translation import translate

FORMAT = 1
MAX_FILE_BYTES = 64 * 1024
_TOP_KEYS = ("format", "title", "landscape", "domain", "start", "sigma", "seed",
             "batch_size", "seeds", "pane")
_PANE_KEYS = ("optimizer", "alpha", "mu", "beta1", "beta2", "eps", "weight_decay",
              "mu_schedule", "alpha_schedule")


# -- writing -------------------------------------------------------------------------------

def _floats(values):
    return None if values is None else tuple(map(float, values))


def _toml(value) -> str:
    """``value`` as a TOML value (strings, whole numbers, finite floats, lists)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ScenarioError(translate("scenario errors", "text {value} cannot be saved as "
                                          "UTF-8").format(value=show_value(value))) from None
        out = "".join(f"\\{c}" if c in '"\\' else f"\\u{ord(c):04X}"
                      if ord(c) < 0x20 or ord(c) == 0x7F else c for c in value)
        return f'"{out}"'
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    number = float(value)
    if not math.isfinite(number):  # validation already refused these
        raise ScenarioError(translate("scenario errors", "cannot save the non-finite number "
                                      "{number}").format(number=repr(number)))
    return repr(number)


def _pane_lines(pane: OptimizerSettings) -> list[str]:
    fields = [("optimizer", pane.name), ("alpha", float(pane.alpha))]
    if pane.name in USES_MU:
        fields.append(("mu", float(pane.mu)))
    if pane.name in USES_BETA1:
        fields.append(("beta1", float(pane.beta1)))
    if pane.name in USES_BETA2 and pane.beta2 is not None:
        fields.append(("beta2", float(pane.beta2)))
    if pane.name in ADAPTIVE and pane.eps is not None:
        fields.append(("eps", float(pane.eps)))
    if pane.name in USES_WEIGHT_DECAY and pane.weight_decay is not None:
        fields.append(("weight_decay", float(pane.weight_decay)))
    if pane.name in USES_MU and pane.mu_schedule:
        fields.append(("mu_schedule", pane.mu_schedule))
    if pane.alpha_schedule:
        fields.append(("alpha_schedule", pane.alpha_schedule))
    return ["", "[[pane]]"] + [f"{key} = {_toml(value)}" for key, value in fields]


def scenario_to_toml(scenario: Scenario) -> str:
    """The scenario as TOML text (validated first; see the module docstring)."""
    s = scenario.validate()
    lines = ["# Momentum Lab scenario", f"format = {FORMAT}"]
    fields = [("title", s.title or None), ("landscape", s.landscape),
              ("domain", _floats(s.domain)), ("start", _floats(s.start)),
              ("sigma", float(s.sigma)), ("seed", s.seed), ("batch_size", s.batch_size),
              ("seeds", s.seeds)]
    lines += [f"{key} = {_toml(value)}" for key, value in fields if value is not None]
    for pane in s.panes:
        lines += _pane_lines(pane)
    return "\n".join(lines) + "\n"


def save_scenario(scenario: Scenario, path) -> None:
    """Write the scenario to ``path`` atomically (ScenarioError on any failure)."""
    text = scenario_to_toml(scenario)
    try:
        with atomic_output(path) as handle:
            handle.write(text)
    except OutputError as error:
        raise ScenarioError(str(error)) from None


# -- reading -------------------------------------------------------------------------------

def _as_tuple(value):
    return tuple(value) if isinstance(value, list) else value


def unknown_key(key: str, known: tuple[str, ...]) -> str:
    """``"unknown key 'colour' (known: format, title, …)"``."""
    return translate("scenario errors", "unknown key {key} (known: {known})").format(
        key=repr(key), known=", ".join(known))


def missing(key: str) -> str:
    """``"landscape is missing"``: a key the file must have."""
    return translate("scenario errors", "{key} is missing").format(key=key)


def _pane_from(number: int, table) -> OptimizerSettings:
    if not isinstance(table, dict):
        raise ScenarioError(in_pane(number, translate(
            "scenario errors", "must be a [[pane]] table, got {value}").format(
                value=show_value(table))))
    for key in table:
        if key not in _PANE_KEYS:
            raise ScenarioError(in_pane(number, unknown_key(key, _PANE_KEYS)))
    for key in ("optimizer", "alpha"):
        if key not in table:
            raise ScenarioError(in_pane(number, missing(key)))
    if not isinstance(table["optimizer"], str):
        raise ScenarioError(in_pane(number, translate(
            "scenario errors", "optimizer must be a name, got {value}").format(
                value=show_value(table["optimizer"]))))
    fields = {"name" if k == "optimizer" else k: _as_tuple(v) for k, v in table.items()}
    return OptimizerSettings(**fields)


def _normalised(s: Scenario) -> Scenario:
    """Whole numbers read where floats belong become floats (after validation)."""
    def sched(value):
        return value and (value[0],) + tuple(v if isinstance(v, int) else float(v)
                                             for v in value[1:])

    panes = tuple(replace(p, alpha=float(p.alpha), mu=float(p.mu), beta1=float(p.beta1),
                          beta2=None if p.beta2 is None else float(p.beta2),
                          eps=None if p.eps is None else float(p.eps),
                          weight_decay=None if p.weight_decay is None else float(p.weight_decay),
                          mu_schedule=sched(p.mu_schedule),
                          alpha_schedule=sched(p.alpha_schedule)) for p in s.panes)
    return replace(s, domain=_floats(s.domain), start=_floats(s.start), sigma=float(s.sigma),
                   panes=panes)


def parse_toml(text: str, what: str, limit: int = MAX_FILE_BYTES) -> dict:
    """TOML text as a table, with one-line errors (``what`` names the kind of file)."""
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        raise ScenarioError(translate("scenario errors", "{what} is too large (limit {limit} "
                                      "bytes)").format(what=what, limit=limit))
    if not text.strip():
        raise ScenarioError(translate("scenario errors", "{what} is empty").format(what=what))
    invalid = translate("scenario errors", "not valid TOML: {reason}")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(invalid.format(reason=" ".join(str(error).split()))) from None
    except RecursionError:
        raise ScenarioError(invalid.format(reason=translate("scenario errors",
                                                            "nested too deeply"))) from None
    except ValueError as error:  # tomllib's int() refuses more digits than Python converts
        why = (translate("scenario errors", "a whole number has more than {limit} digits")
               .format(limit=sys.get_int_max_str_digits())
               if "digits" in str(error) else " ".join(str(error).split()))
        raise ScenarioError(invalid.format(reason=why)) from None
    return data


def scenario_from_toml(text: str) -> Scenario:
    """Parse and validate scenario TOML text; never executes anything."""
    return scenario_from_table(parse_toml(text, translate("scenario errors", "scenario file")))


def check_top(data: dict, known: tuple[str, ...], kind: str) -> None:
    """The top of a scenario or lesson file: only ``known`` keys, and ``format = 1``."""
    for key in data:
        if key not in known:
            raise ScenarioError(unknown_key(key, known))
    fmt = data.get("format")
    if fmt is None:
        raise ScenarioError(translate("scenario errors", "not a Momentum Lab {kind} (format is "
                                      "missing)").format(kind=kind))
    if type(fmt) is not int or fmt != FORMAT:
        raise ScenarioError(translate("scenario errors", "unsupported format {value} (this "
                                      "version reads {version})").format(value=show_value(fmt),
                                                                         version=FORMAT))


def scenario_from_table(data: dict) -> Scenario:
    """Validate a parsed scenario table (the keys of the format above) as a Scenario."""
    check_top(data, _TOP_KEYS, translate("scenario errors", "scenario"))
    if "landscape" not in data:
        raise ScenarioError(missing("landscape"))
    tables = data.get("pane", [])
    if not isinstance(tables, list):
        raise ScenarioError(translate("scenario errors",
                                      "panes must be written as [[pane]] tables"))
    if not 1 <= len(tables) <= MAX_PANES:
        raise ScenarioError(translate("scenario errors", "a scenario needs 1 to {limit} [[pane]] "
                                      "tables, got {count}").format(limit=MAX_PANES,
                                                                    count=len(tables)))
    fields = {k: _as_tuple(v) for k, v in data.items() if k not in ("format", "pane")}
    panes = tuple(_pane_from(n, table) for n, table in enumerate(tables, 1))
    return _normalised(Scenario(**fields, panes=panes).validate())


def read_text(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a small regular file, or ScenarioError with one line saying why
    not (a folder, a FIFO or a device is refused before it is opened: reading one could
    block or never end)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ScenarioError(translate("scenario errors", "is a folder, not a {what}")
                                .format(what=what))
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioError(translate("scenario errors", "is not a regular file"))
        if info.st_size > limit:
            raise ScenarioError(translate("scenario errors", "{what} is too large ({size} bytes; "
                                          "limit {limit})").format(what=what, size=info.st_size,
                                                                   limit=limit))
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ScenarioError(translate("scenario errors", "no such file")) from None
    except OSError as error:
        raise ScenarioError(translate("scenario errors", "cannot read: {reason}")
                            .format(reason=error.strerror or error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScenarioError(translate("scenario errors", "not UTF-8 text (bad byte at offset "
                                      "{offset})").format(offset=error.start)) from None


def load_scenario(path) -> Scenario:
    """Read, parse and validate the scenario file at ``path``.

    Raises
    ------
    ScenarioError
        One line starting with the file name, e.g.
        ``"broken.toml: pane 1: alpha must be > 0, got -1"``.
    """
    path = Path(path)
    try:
        return scenario_from_toml(read_text(path, translate("scenario errors", "scenario file")))
    except ScenarioError as error:
        raise ScenarioError(in_file(path, error)) from None


def in_file(path: Path, problem) -> str:
    """``"broken.toml: pane 1: …"``: a file's problem, said with its name."""
    return translate("scenario errors", "{name}: {problem}").format(name=path.name or path,
                                                                    problem=problem)
