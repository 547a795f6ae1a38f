"""The lecture's training loop on a real network: two weights of a tanh unit as x and y.

The seed's first slide trains a network with minibatches::

    while True:
        data_batch = dataset.sample_data_batch()
        loss = network.forward(data_batch)
        dx = network.backward()
        x += - learning_rate * dx

This landscape *is* such a network's loss. The network has one input ``u``, one hidden
tanh unit and one output,

    ŷ = v · tanh(w·u + b) + c,

with the bias ``b`` and the output offset ``c`` held at 0, so exactly two parameters
train: the input weight ``w`` (the plot's x) and the output weight ``v`` (its y). The
data are :data:`POINTS` samples from a *teacher* network with ``(w, v) = (1.5, 2)`` plus
Gaussian noise of 0.1, ``u`` uniform on [−2, 2], drawn from the fixed seed
:data:`DATA_SEED` (the same numbers on every machine). The loss over a batch B is the
mean squared error, by a forward pass

    zᵢ = w uᵢ + b,   hᵢ = tanh zᵢ,   ŷᵢ = v hᵢ + c,   rᵢ = ŷᵢ − yᵢ,   L = (1/2|B|) Σ rᵢ²

and its gradient by the backward pass

    ∂L/∂ŷᵢ = rᵢ/|B|,  ∂L/∂v = Σ ∂L/∂ŷᵢ · hᵢ,  ∂L/∂zᵢ = ∂L/∂ŷᵢ · v · (1 − hᵢ²),
    ∂L/∂w = Σ ∂L/∂zᵢ · uᵢ

— on the whole data set for the landscape, on a sampled minibatch of rows for a step of
minibatch SGD (:class:`physics.gradients.MinibatchGradient`). No formula is fitted
afterwards: every value is a pass over the data. The Hessian, which the outcome rule
needs, is the backward pass differentiated once more (tanh' = 1 − h², tanh'' = −2h(1 − h²)).

The picture is a neural network's in miniature: the loss is not convex. ``(w, v)`` and
``(−w, −v)`` compute the same function (tanh is odd), so there are two mirror-image
minima, and between them at the origin, where the unit is dead (v = 0 or w = 0), a
saddle. Which minimum a ball ends in depends on where it starts and on its momentum.
"""

from __future__ import annotations

import numpy as np

from .landscape import Landscape, newton_polish

POINTS = 64
DATA_SEED = 20151            # Radford's year, and the lecture's
TEACHER = (1.5, 2.0)         # (w, v) of the network the data come from
NOISE = 0.1
BIAS, OFFSET = 0.0, 0.0      # b and c: fixed, not trained


def teacher_data() -> tuple[np.ndarray, np.ndarray]:
    """The :data:`POINTS` samples ``(u, y)`` of the teacher network, from :data:`DATA_SEED`."""
    rng = np.random.default_rng(DATA_SEED)
    u = rng.uniform(-2.0, 2.0, POINTS)
    w, v = TEACHER
    y = v * np.tanh(w * u + BIAS) + OFFSET + NOISE * rng.standard_normal(POINTS)
    return u, y


class TanhUnit:
    """Forward and backward passes of ``ŷ = v tanh(w u + b) + c`` over rows of the data.

    Parameters broadcast like numpy: ``w`` and ``v`` of any shape ``S`` give results of
    shape ``S`` (the passes run over the data along a last axis of their own).
    """

    def __init__(self, u: np.ndarray, y: np.ndarray):
        self.u, self.y = np.asarray(u, dtype=float), np.asarray(y, dtype=float)

    def _forward(self, w, v, rows):
        u = self.u if rows is None else self.u[rows]
        y = self.y if rows is None else self.y[rows]
        w, v = np.asarray(w, dtype=float)[..., None], np.asarray(v, dtype=float)[..., None]
        h = np.tanh(w * u + BIAS)
        return u, h, v * h + OFFSET - y, v

    def loss(self, w, v, rows=None):
        """``L = (1/2|B|) Σ rᵢ²``: the forward pass."""
        _, _, r, _ = self._forward(w, v, rows)
        return 0.5 * np.mean(r * r, axis=-1)

    def grad(self, w, v, rows=None):
        """``(∂L/∂w, ∂L/∂v)``: the backward pass after the forward one."""
        u, h, r, v = self._forward(w, v, rows)
        d_out = r / r.shape[-1]                  # ∂L/∂ŷᵢ
        d_z = d_out * v * (1.0 - h * h)          # back through v and tanh
        return np.sum(d_z * u, axis=-1), np.sum(d_out * h, axis=-1)

    def hessian(self, w, v, rows=None):
        """``(∂²L/∂w², ∂²L/∂w∂v, ∂²L/∂v²)``: the backward pass differentiated again."""
        u, h, r, v = self._forward(w, v, rows)
        slope = 1.0 - h * h                      # tanh'(z)
        hww = np.mean((v * slope * u) ** 2 - 2.0 * r * v * h * slope * u * u, axis=-1)
        hwv = np.mean(slope * u * (r + v * h), axis=-1)
        hvv = np.mean(h * h, axis=-1)
        return hww, hwv, hvv

    def batch(self, rows):
        """The gradient on the minibatch ``rows``, as a function of ``(w, v)``."""
        return lambda w, v: self.grad(w, v, rows)


def network_landscape() -> Landscape:
    """The tanh unit's training loss over the teacher's data, named ``network``."""
    unit = TanhUnit(*teacher_data())
    ((w, v),) = newton_polish(unit.grad, unit.hessian, [TEACHER])
    return Landscape(
        name="network", title=f"A tanh unit's two weights on {POINTS} points (w, v)",
        formula="(1/2n) Σ (v·tanh(w·uᵢ) − yᵢ)²",
        value_xy=unit.loss, grad_xy=unit.grad, hessian_xy=unit.hessian,
        domain=(-3.0, 3.0, -3.0, 3.0), minima=((w, v), (-w, -v)), start=(-1.2, 2.0),
        alpha=0.1, mu=0.9, adaptive_alpha=0.05,
        notes="A real network trained by forward and backward passes over minibatches: two "
              "mirror-image minima and a saddle between them.",
        batch=unit.batch, data_size=POINTS,
    )
