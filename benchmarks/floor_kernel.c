/* The compiled-loop floor for the batched map kernel (benchmarks/bench_core.py).
 *
 * Heavy-ball momentum on Rosenbrock, seed form, for N balls and S steps:
 *
 *     r = y − x²,  g = (−2(1 − x) − 400·x·r, 200·r)
 *     p ← μp − αg,  W ← W + p
 *
 * written as the same IEEE operations in the same order as physics/builtins.py and
 * optimizers/sgd.py (built with -ffp-contract=off, so no fused multiply-adds), so its
 * final positions equal run_batch's bit for bit and the benchmark can check it did the
 * same work. Balls go in blocks of BLOCK (a few KB: every block stays in L1 for all S
 * steps), the inner loop runs over a block's balls so the compiler vectorises it, and
 * the blocks are shared between THREADS pthreads.
 *
 * Mode 1 ("tracked") also judges every ball at every step the way physics/outcome.py
 * does — loss, finiteness, distance from the domain's centre, at rest (|∇L|² ≤ gtol²
 * and |p|² ≤ xtol²), and for a ball at rest not yet converged the Hessian's eigenvalues
 * and Newton distance — recording the first step of each, freezing balls that leave.
 * It is the floor for the kernel with the outcome rule, not a second copy of the rule:
 * its counts are printed, not compared.
 *
 * Usage: floor_kernel MODE THREADS STEPS ALPHA MU GTOL XTOL REACH NEWTON ZERO IN OUT
 * IN holds N x's then N y's (float64); OUT receives the final x's and y's. Prints the
 * seconds spent stepping (reading and writing excluded) and, tracked, how many balls
 * converged and diverged.
 */
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BLOCK 512

static int mode, steps;
static long n;
static double alpha, mu, gtol2, xtol2, reach, newton, zero;
static double *xs, *ys;
static long *converged, *diverged;

typedef struct { long first, last; } Span;

static void plain(double *x, double *y, long m) {
    double px[BLOCK] = {0}, py[BLOCK] = {0};
    for (int t = 0; t < steps; t++) {
        for (long i = 0; i < m; i++) {
            double r = y[i] - x[i] * x[i];
            double gx = -2.0 * (1.0 - x[i]) - 400.0 * x[i] * r;
            double gy = 200.0 * r;
            px[i] = mu * px[i] - alpha * gx;
            py[i] = mu * py[i] - alpha * gy;
            x[i] = x[i] + px[i];
            y[i] = y[i] + py[i];
        }
    }
}

static void tracked(double *x, double *y, long m, long *conv, long *div) {
    /* Branch-free over the block (so it vectorises like the plain loop); the rare
     * events — a ball leaving, a ball at rest not yet converged — in a second pass. */
    double px[BLOCK] = {0}, py[BLOCK] = {0}, gx[BLOCK], gy[BLOCK], nx[BLOCK], ny[BLOCK];
    double start_loss[BLOCK], live[BLOCK], seek[BLOCK];
    for (long i = 0; i < m; i++) {
        double r = y[i] - x[i] * x[i];
        start_loss[i] = (1.0 - x[i]) * (1.0 - x[i]) + 100.0 * (r * r);
        gx[i] = -2.0 * (1.0 - x[i]) - 400.0 * x[i] * r;
        gy[i] = 200.0 * r;
        live[i] = seek[i] = 1.0;
        conv[i] = div[i] = -1;
    }
    for (int t = 1; t <= steps; t++) {
        int events = 0;
        for (long i = 0; i < m; i++) {
            px[i] = (mu * px[i] - alpha * gx[i]) * live[i];
            py[i] = (mu * py[i] - alpha * gy[i]) * live[i];
            double x1 = x[i] + px[i], y1 = y[i] + py[i];
            double r = y1 - x1 * x1;
            double g1 = -2.0 * (1.0 - x1) - 400.0 * x1 * r, g2 = 200.0 * r;
            double loss = (1.0 - x1) * (1.0 - x1) + 100.0 * (r * r);
            int bad = !((fabs(x1) <= DBL_MAX) & (fabs(y1) <= DBL_MAX) & (fabs(loss) <= DBL_MAX)
                        & (fabs(g1) <= DBL_MAX) & (fabs(g2) <= DBL_MAX))
                      | (fabs(x1) > reach) | (fabs(y1 - 1.0) > reach);
            int rest = (g1 * g1 + g2 * g2 <= gtol2) & (px[i] * px[i] + py[i] * py[i] <= xtol2);
            nx[i] = x1;
            ny[i] = y1;
            gx[i] = g1;
            gy[i] = g2;
            events |= (live[i] != 0.0) & (bad | (rest & (seek[i] != 0.0)));
        }
        if (events) {
            for (long i = 0; i < m; i++) {
                if (live[i] == 0.0) continue;
                double x1 = nx[i], y1 = ny[i], r = y1 - x1 * x1;
                double loss = (1.0 - x1) * (1.0 - x1) + 100.0 * (r * r);
                int finite = isfinite(x1) && isfinite(y1) && isfinite(loss) && isfinite(gx[i])
                             && isfinite(gy[i]);
                if (!finite || fabs(x1) > reach || fabs(y1 - 1.0) > reach) {
                    live[i] = 0.0;         /* frozen where it last was */
                    nx[i] = x[i];
                    ny[i] = y[i];
                    gx[i] = gy[i] = 0.0;
                    div[i] = t;
                    (void)start_loss;      /* diverged or left: the floor does not split them */
                    continue;
                }
                double g2 = gx[i] * gx[i] + gy[i] * gy[i];
                if (seek[i] != 0.0 && g2 <= gtol2 && px[i] * px[i] + py[i] * py[i] <= xtol2) {
                    double hxx = 1200.0 * x1 * x1 - 400.0 * y1 + 2.0, hxy = -400.0 * x1, hyy = 200.0;
                    double mean = (hxx + hyy) / 2;
                    double low = mean - sqrt((hxx - hyy) * (hxx - hyy) / 4 + hxy * hxy);
                    if (low > zero && sqrt(g2) / low <= newton) {
                        conv[i] = t;
                        seek[i] = 0.0;
                    }
                }
            }
        }
        for (long i = 0; i < m; i++) {
            x[i] = nx[i];
            y[i] = ny[i];
        }
    }
}

static void *worker(void *arg) {
    Span *span = arg;
    for (long b = span->first; b < span->last; b += BLOCK) {
        long m = span->last - b < BLOCK ? span->last - b : BLOCK;
        if (mode == 0)
            plain(xs + b, ys + b, m);
        else
            tracked(xs + b, ys + b, m, converged + b, diverged + b);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 13) {
        fprintf(stderr, "usage: floor_kernel MODE THREADS STEPS ALPHA MU GTOL XTOL REACH "
                        "NEWTON ZERO IN OUT\n");
        return 2;
    }
    mode = atoi(argv[1]);
    int threads = atoi(argv[2]);
    steps = atoi(argv[3]);
    alpha = atof(argv[4]);
    mu = atof(argv[5]);
    gtol2 = atof(argv[6]) * atof(argv[6]);
    xtol2 = atof(argv[7]) * atof(argv[7]);
    reach = atof(argv[8]);
    newton = atof(argv[9]);
    zero = atof(argv[10]);
    FILE *in = fopen(argv[11], "rb");
    if (!in) { perror(argv[11]); return 1; }
    fseek(in, 0, SEEK_END);
    n = ftell(in) / (2 * (long)sizeof(double));
    rewind(in);
    xs = malloc(n * sizeof(double));
    ys = malloc(n * sizeof(double));
    converged = malloc(n * sizeof(long));
    diverged = malloc(n * sizeof(long));
    if (fread(xs, sizeof(double), n, in) != (size_t)n || fread(ys, sizeof(double), n, in) != (size_t)n) {
        fprintf(stderr, "short read\n");
        return 1;
    }
    fclose(in);

    pthread_t ids[64];
    Span spans[64];
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    long blocks = (n + BLOCK - 1) / BLOCK;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int k = 0; k < threads; k++) {
        spans[k].first = blocks * k / threads * BLOCK;
        spans[k].last = blocks * (k + 1) / threads * BLOCK;
        if (spans[k].last > n) spans[k].last = n;
        pthread_create(&ids[k], NULL, worker, &spans[k]);
    }
    for (int k = 0; k < threads; k++)
        pthread_join(ids[k], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);

    long n_conv = 0, n_div = 0;
    if (mode == 1)
        for (long i = 0; i < n; i++) {
            n_conv += converged[i] >= 0;
            n_div += diverged[i] >= 0;
        }
    FILE *out = fopen(argv[12], "wb");
    if (!out) { perror(argv[12]); return 1; }
    fwrite(xs, sizeof(double), n, out);
    fwrite(ys, sizeof(double), n, out);
    fclose(out);
    printf("%.9f %ld %ld\n", (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec), n_conv, n_div);
    return 0;
}
