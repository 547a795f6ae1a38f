"""Regenerate ``torch_reference.json``: torch.optim trajectories on the built-in landscapes.

Run with a Python that has torch (torch is NOT a project dependency)::

    python3 -m venv /tmp/torchenv && /tmp/torchenv/bin/pip install torch==2.13.0 numpy
    /tmp/torchenv/bin/python tests/optimizers/data/make_torch_reference.py

For every case a single float64 parameter tensor of shape (2,) starts at ``start``;
each step sets ``param.grad`` to the exact landscape gradient (``physics.builtins``,
evaluated in numpy at torch's current parameter, so both sides see bit-identical
gradients) and calls ``opt.step()``. The parameter after each step is recorded
(``trajectory[k]`` is the parameter after step ``k + 1``; the start is not repeated).

The repository root is put on ``sys.path`` only for ``physics.builtins`` (pure numpy).
The consumer is ``tests/optimizers/test_against_torch.py``, which needs no torch.

Nesterov. torch's ``SGD(nesterov=True)`` does ``b ← μb + g(θ)``, ``θ ← θ − α(g(θ) + μb)``,
so its gradient is taken at its own parameter θ. Our seed form takes it at the
look-ahead ``W + μp``. With ``p = −αb`` the two are the same method with
``θ_t = W_t + μ p_t`` (θ_0 = W_0 because p_0 = 0). The script checks that relation
(and, for contrast, the naive ``θ_t = W_t``) against an independent numpy
implementation of the seed form and stores the measured differences under
``"nesterov_relation"`` (one entry per Nesterov case).
"""

from __future__ import annotations

import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))   # the repository
sys.path.insert(0, ROOT)

from physics.builtins import builtin  # noqa: E402  (needs ROOT on sys.path)

OUT = os.path.join(HERE, "torch_reference.json")

# name, landscape, start, steps, torch class, torch kwargs, our OptimizerSettings fields,
# and what of ours to compare to torch's parameter ("params", or "lookahead" = W + μp).
CASES = [
    dict(name="adam_default_rosenbrock", landscape="rosenbrock", start=[-1.2, 1.0], steps=300,
         torch_optimizer="Adam", torch_kwargs=dict(lr=0.05),
         settings=dict(name="adam", alpha=0.05), compare="params"),
    dict(name="adam_b08_b099_eps1e-6_beale", landscape="beale", start=[0.7, 1.4], steps=300,
         torch_optimizer="Adam", torch_kwargs=dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6),
         settings=dict(name="adam", alpha=0.1, beta1=0.8, beta2=0.99, eps=1e-6),
         compare="params"),
    dict(name="adam_default_himmelblau", landscape="himmelblau", start=[-0.5, -0.5], steps=200,
         torch_optimizer="Adam", torch_kwargs=dict(lr=0.1),
         settings=dict(name="adam", alpha=0.1), compare="params"),
    dict(name="rmsprop_default_rosenbrock", landscape="rosenbrock", start=[-1.2, 1.0], steps=300,
         torch_optimizer="RMSprop", torch_kwargs=dict(lr=0.01),
         settings=dict(name="rmsprop", alpha=0.01), compare="params"),
    dict(name="rmsprop_alpha09_himmelblau", landscape="himmelblau", start=[-0.5, -0.5],
         steps=300, torch_optimizer="RMSprop", torch_kwargs=dict(lr=0.01, alpha=0.9),
         settings=dict(name="rmsprop", alpha=0.01, beta2=0.9), compare="params"),
    dict(name="adagrad_lr05_ravine", landscape="ravine", start=[-4.5, 1.0], steps=300,
         torch_optimizer="Adagrad", torch_kwargs=dict(lr=0.5),
         settings=dict(name="adagrad", alpha=0.5), compare="params"),
    dict(name="sgd_momentum09_rosenbrock", landscape="rosenbrock", start=[-1.2, 1.0], steps=300,
         torch_optimizer="SGD", torch_kwargs=dict(lr=0.001, momentum=0.9),
         settings=dict(name="momentum", alpha=0.001, mu=0.9), compare="params"),
    dict(name="sgd_momentum09_ravine", landscape="ravine", start=[-4.5, 1.0], steps=300,
         torch_optimizer="SGD", torch_kwargs=dict(lr=0.018, momentum=0.9),
         settings=dict(name="momentum", alpha=0.018, mu=0.9), compare="params"),
    dict(name="sgd_nesterov09_ravine", landscape="ravine", start=[-4.5, 1.0], steps=300,
         torch_optimizer="SGD", torch_kwargs=dict(lr=0.018, momentum=0.9, nesterov=True),
         settings=dict(name="nesterov", alpha=0.018, mu=0.9), compare="lookahead"),
    # The requested α = 0.018 on the ravine diverges for Nesterov (αλ_max = 1.8 exceeds
    # Nesterov's bound 2(1+μ)/(1+2μ) ≈ 1.357; |θ| reaches ~1e82 after 300 steps), so two
    # convergent Nesterov cases follow it.
    dict(name="sgd_nesterov09_lr0012_ravine", landscape="ravine", start=[-4.5, 1.0], steps=300,
         torch_optimizer="SGD", torch_kwargs=dict(lr=0.012, momentum=0.9, nesterov=True),
         settings=dict(name="nesterov", alpha=0.012, mu=0.9), compare="lookahead"),
    dict(name="sgd_nesterov09_rosenbrock", landscape="rosenbrock", start=[-1.2, 1.0], steps=300,
         torch_optimizer="SGD", torch_kwargs=dict(lr=0.001, momentum=0.9, nesterov=True),
         settings=dict(name="nesterov", alpha=0.001, mu=0.9), compare="lookahead"),
    dict(name="sgd_plain_ravine", landscape="ravine", start=[-4.5, 1.0], steps=300,
         torch_optimizer="SGD", torch_kwargs=dict(lr=0.018),
         settings=dict(name="sgd", alpha=0.018), compare="params"),
    # Radford's sixth and Adam's descendants, each at torch's defaults and at other settings.
    dict(name="adadelta_default_beale", landscape="beale", start=[1.0, 1.4], steps=400,
         torch_optimizer="Adadelta", torch_kwargs=dict(),
         settings=dict(name="adadelta", alpha=1.0), compare="params"),
    dict(name="adadelta_rho095_eps1e-4_lr05_rosenbrock", landscape="rosenbrock",
         start=[-1.2, 1.0], steps=300, torch_optimizer="Adadelta",
         torch_kwargs=dict(lr=0.5, rho=0.95, eps=1e-4),
         settings=dict(name="adadelta", alpha=0.5, beta2=0.95, eps=1e-4), compare="params"),
    dict(name="adamw_default_rosenbrock", landscape="rosenbrock", start=[-1.2, 1.0], steps=300,
         torch_optimizer="AdamW", torch_kwargs=dict(lr=0.05),
         settings=dict(name="adamw", alpha=0.05), compare="params"),
    dict(name="adamw_wd01_b08_himmelblau", landscape="himmelblau", start=[-0.5, -0.5],
         steps=300, torch_optimizer="AdamW",
         torch_kwargs=dict(lr=0.1, weight_decay=0.1, betas=(0.8, 0.999)),
         settings=dict(name="adamw", alpha=0.1, weight_decay=0.1, beta1=0.8), compare="params"),
    dict(name="nadam_default_beale", landscape="beale", start=[0.7, 1.4], steps=300,
         torch_optimizer="NAdam", torch_kwargs=dict(lr=0.05),
         settings=dict(name="nadam", alpha=0.05), compare="params"),
    dict(name="nadam_b085_b099_rosenbrock", landscape="rosenbrock", start=[-1.2, 1.0],
         steps=500, torch_optimizer="NAdam", torch_kwargs=dict(lr=0.02, betas=(0.85, 0.99)),
         settings=dict(name="nadam", alpha=0.02, beta1=0.85, beta2=0.99), compare="params"),
]


def run_torch(case):
    landscape = builtin(case["landscape"])
    param = torch.tensor(case["start"], dtype=torch.float64, requires_grad=True)
    cls = getattr(torch.optim, case["torch_optimizer"])
    # foreach=False: the single-tensor code path (the CPU default anyway), stated explicitly.
    opt = cls([param], foreach=False, **case["torch_kwargs"])
    out = []
    for _ in range(case["steps"]):
        point = param.detach().numpy().copy()
        param.grad = torch.from_numpy(landscape.grad(point))
        opt.step()
        out.append([float(v) for v in param.detach().numpy()])
    return out


def seed_nesterov(landscape, start, alpha, mu, steps):
    """Independent seed form: p ← μp − α∇L(W + μp), W ← W + p. Returns W_t, p_t (t ≥ 1)."""
    w = np.array(start, dtype=float)
    p = np.zeros(2)
    ws, ps = [], []
    for _ in range(steps):
        p = mu * p - alpha * landscape.grad(w + mu * p)
        w = w + p
        ws.append(w.copy())
        ps.append(p.copy())
    return np.array(ws), np.array(ps)


def nesterov_relation(case, trajectory):
    kw = case["torch_kwargs"]
    mu, alpha = kw["momentum"], kw["lr"]
    ws, ps = seed_nesterov(builtin(case["landscape"]), case["start"], alpha, mu, case["steps"])
    theta = np.array(trajectory)
    lookahead = ws + mu * ps
    scale = np.maximum(np.abs(theta), 1e-300)
    return {
        "case": case["name"],
        "max_abs_theta": float(np.max(np.abs(theta))),
        "holds": "theta_t = W_t + mu * p_t",
        "max_abs_diff_theta_vs_W_plus_mu_p": float(np.max(np.abs(theta - lookahead))),
        "max_rel_diff_theta_vs_W_plus_mu_p": float(np.max(np.abs(theta - lookahead) / scale)),
        "max_abs_diff_theta_vs_W": float(np.max(np.abs(theta - ws))),
        "note": ("torch's nesterov parameter theta is our look-ahead point W + mu*p "
                 "(the point where our gradient is evaluated), not W itself; "
                 "theta_0 = W_0 since p_0 = 0."),
    }


def main():
    cases, relations = [], []
    for case in CASES:
        trajectory = run_torch(case)
        record = {k: case[k] for k in ("name", "landscape", "start", "steps",
                                       "torch_optimizer", "compare", "settings")}
        kwargs = dict(case["torch_kwargs"])
        if "betas" in kwargs:
            kwargs["betas"] = list(kwargs["betas"])
        record["torch_kwargs"] = kwargs
        record["trajectory"] = trajectory
        cases.append(record)
        if case["torch_kwargs"].get("nesterov"):
            relations.append(nesterov_relation(case, trajectory))
    data = {
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "dtype": "float64",
        "generator": "tests/optimizers/data/make_torch_reference.py",
        "trajectory_layout": "trajectory[k] = parameter after step k+1 (start not included)",
        "gradients": "physics.builtins landscape.grad, numpy float64, at torch's current parameter",
        "nesterov_relation": relations,
        "cases": cases,
    }
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1)  # json uses float repr: round-trips exactly
        fh.write("\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes, {len(cases)} cases)")
    print(json.dumps(relations, indent=1))


if __name__ == "__main__":
    main()
