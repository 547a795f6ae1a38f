"""The physics of Momentum Lab: landscapes, gradient sources, the ball, the simulation.

No Qt here (a test enforces it): everything in this package runs in scripts, tests,
the command line and benchmarks alike.
"""
