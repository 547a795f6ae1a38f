"""A real minibatch landscape: least-squares linear regression of y on x.

The parameters are ``W = (w, b)``; the loss over the whole data set is::

    L(w, b) = (1 / 2n) Σᵢ (w xᵢ + b − yᵢ)²

Expanding the square, everything depends on five moments (means over the data):
``L = ½(w² Sxx + 2wb Sx + b² − 2w Sxy − 2b Sy + Syy)``, ``∇L = (w Sxx + b Sx − Sxy,
w Sx + b − Sy)``, ``∇²L = [[Sxx, Sx], [Sx, 1]]`` — so evaluating at a million balls costs
as little as a quadratic. A minibatch gradient is the same formula with the moments of
the sampled rows (the seed's ``data_batch = dataset.sample_data_batch()``); see
:class:`physics.gradients.MinibatchGradient`.

The shipped data set (``resources/regression.csv``, 64 rows, x in [0, 4],
y = 2x + 1 + noise) makes a ravine with condition number about 30.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

import numpy as np

from .landscape import Landscape

DATASET_FILE = "regression.csv"


@dataclass(frozen=True)
class Moments:
    """Means over (a subset of) the data: Sx, Sy, Sxx, Sxy, Syy."""

    sx: float
    sy: float
    sxx: float
    sxy: float
    syy: float

    @classmethod
    def of(cls, x: np.ndarray, y: np.ndarray) -> "Moments":
        return cls(float(np.mean(x)), float(np.mean(y)), float(np.mean(x * x)),
                   float(np.mean(x * y)), float(np.mean(y * y)))

    def grad_xy(self, w, b):
        return w * self.sxx + b * self.sx - self.sxy, w * self.sx + b - self.sy


@dataclass(frozen=True)
class Dataset:
    """Paired samples ``(xᵢ, yᵢ)``, as two float arrays of equal length."""

    x: np.ndarray
    y: np.ndarray

    def __len__(self) -> int:
        return len(self.x)

    def moments(self, rows=None) -> Moments:
        if rows is None:
            return Moments.of(self.x, self.y)
        return Moments.of(self.x[rows], self.y[rows])


def parse_dataset(text: str) -> Dataset:
    """Read ``x,y`` CSV text (header line first). Raises ValueError on bad rows."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != ["x", "y"]:
        raise ValueError("dataset must start with the header 'x,y'")
    xs, ys = [], []
    for line_no, row in enumerate(reader, start=2):
        if not row:
            continue
        try:
            x, y = (float(v) for v in row)
        except ValueError:
            raise ValueError(f"dataset line {line_no}: expected two numbers, got {row!r}") from None
        if not (np.isfinite(x) and np.isfinite(y)):
            raise ValueError(f"dataset line {line_no}: values must be finite")
        xs.append(x)
        ys.append(y)
    if len(xs) < 2:
        raise ValueError("dataset needs at least two rows")
    return Dataset(np.array(xs), np.array(ys))


def load_dataset() -> Dataset:
    """The data set shipped in ``resources/``."""
    text = resources.files("resources").joinpath(DATASET_FILE).read_text(encoding="utf-8")
    return parse_dataset(text)


def regression_landscape(dataset: Dataset | None = None) -> Landscape:
    """The full-data least-squares loss as a :class:`Landscape` named ``regression``."""
    data = dataset if dataset is not None else load_dataset()
    m = data.moments()

    def value(w, b):
        return 0.5 * (w * w * m.sxx + 2 * w * b * m.sx + b * b
                      - 2 * w * m.sxy - 2 * b * m.sy + m.syy)

    def hess(w, b):
        shape = np.broadcast_shapes(np.shape(w), np.shape(b))
        return np.full(shape, m.sxx), np.full(shape, m.sx), np.full(shape, 1.0)

    # The minimiser solves the normal equations H W = (Sxy, Sy).
    det = m.sxx - m.sx * m.sx
    w_star = (m.sxy - m.sx * m.sy) / det
    b_star = (m.sxx * m.sy - m.sx * m.sxy) / det
    return Landscape(
        name="regression", title=f"Linear regression on {len(data)} points (w, b)",
        formula="(1/2n) Σ (w xᵢ + b − yᵢ)²", value_xy=value, grad_xy=m.grad_xy,
        hessian_xy=hess,
        domain=(w_star - 3.0, w_star + 3.0, b_star - 4.0, b_star + 4.0),
        minima=((float(w_star), float(b_star)),), start=(w_star - 2.5, b_star + 3.5),
        alpha=0.1, mu=0.9, adaptive_alpha=0.1,
        notes="A real training loss: each step sees a random minibatch of the data.",
        batch=lambda rows: data.moments(rows).grad_xy, data_size=len(data),
    )
