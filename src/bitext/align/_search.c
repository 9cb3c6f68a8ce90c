/* Compiled row loops of bitext.align.search: band Viterbi, forward and backward.
 *
 * Optional: setup.py builds it when a C compiler is there (Extension(optional=True)); without it, or with
 * BITEXT_PURE_PYTHON=1, search.py runs its numpy loops. Both compute the same operations in the same order,
 * cell by cell (see search.py for the recurrences): the Viterbi back pointers are identical to the bit; the
 * forward and backward sums use the C library's exp and log, which may differ from numpy's vectorised ones
 * in the last bit. No numpy headers: arrays come in through the buffer protocol, and search.py hands over
 * C-contiguous arrays of the dtypes checked below (lengths are checked here).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#ifndef M_LN2 /* not in every C library's math.h (MSVC wants _USE_MATH_DEFINES) */
#define M_LN2 0.693147180559945309417232121458176568
#endif

#define MAX_TYPES 64
#define SKIP_FLOOR (-1e4)  /* search._finite: an impossible skip into column 0 must not make the sums nan */

typedef struct {
    Py_buffer lo, hi, offsets, flat, di, dj, out;
    Py_ssize_t rows, cells, types;
    int is_double, skip;
    const int64_t *plo, *phi, *poff, *pdi, *pdj;
} Lattice;

static void release(Lattice *l) {
    Py_buffer *all[] = {&l->lo, &l->hi, &l->offsets, &l->flat, &l->di, &l->dj, &l->out};
    for (size_t k = 0; k < sizeof(all) / sizeof(all[0]); k++) {
        if (all[k]->obj != NULL) PyBuffer_Release(all[k]);
    }
}

/* Arguments: lo, hi, offsets (int64), flat (types x cells, float32 or float64), is_double, di, dj (int64
 * per type), skip (index of the 0-1 type or -1), out (writable: int8 back pointers or float64 values). */
static int parse(PyObject *args, Lattice *l, Py_ssize_t out_item) {
    memset(l, 0, sizeof(*l));
    if (!PyArg_ParseTuple(args, "y*y*y*y*py*y*iw*", &l->lo, &l->hi, &l->offsets, &l->flat, &l->is_double, &l->di,
                          &l->dj, &l->skip, &l->out)) {
        release(l);
        return -1;
    }
    l->rows = l->lo.len / (Py_ssize_t)sizeof(int64_t);
    l->types = l->di.len / (Py_ssize_t)sizeof(int64_t);
    Py_ssize_t item = l->is_double ? (Py_ssize_t)sizeof(double) : (Py_ssize_t)sizeof(float);
    l->plo = l->lo.buf;
    l->phi = l->hi.buf;
    l->poff = l->offsets.buf;
    l->pdi = l->di.buf;
    l->pdj = l->dj.buf;
    int ok = l->rows > 0 && l->hi.len == l->lo.len && l->offsets.len == (l->rows + 1) * (Py_ssize_t)sizeof(int64_t) &&
             l->dj.len == l->di.len && l->types > 0 && l->types <= MAX_TYPES && l->skip < l->types;
    if (ok) {
        l->cells = l->poff[l->rows];
        ok = l->poff[0] == 0 && l->flat.len == l->types * l->cells * item && l->out.len == l->cells * out_item;
    }
    for (Py_ssize_t i = 0; ok && i < l->rows; i++) {
        ok = l->plo[i] >= 0 && l->phi[i] >= l->plo[i] && l->poff[i + 1] - l->poff[i] == l->phi[i] - l->plo[i] + 1;
    }
    for (Py_ssize_t t = 0; ok && t < l->types; t++) ok = l->pdi[t] >= 0 && l->pdj[t] >= 0;
    if (!ok) {
        release(l);
        PyErr_SetString(PyExc_ValueError, "inconsistent band, lattice or output sizes");
        return -1;
    }
    return 0;
}

static inline double score(const Lattice *l, Py_ssize_t t, Py_ssize_t cell) {
    Py_ssize_t k = t * l->cells + cell;
    return l->is_double ? ((const double *)l->flat.buf)[k] : (double)((const float *)l->flat.buf)[k];
}

static inline double skip_score(const Lattice *l, Py_ssize_t cell) {
    double s = score(l, l->skip, cell);
    return s > SKIP_FLOOR ? s : SKIP_FLOOR; /* np.maximum(s, -1e4) */
}

/* numpy's npy_logaddexp, as np.logaddexp.accumulate applies it. */
static inline double logaddexp(double x, double y) {
    if (x == y) return x + M_LN2;
    double tmp = x - y;
    if (tmp > 0) return x + log1p(exp(-tmp));
    if (tmp <= 0) return y + log1p(exp(tmp));
    return tmp;
}

/* Value of the bead of type t between cell (i, j) and its other end (direction -1: the bead ends at
 * (i, j) and starts earlier; +1: it starts at (i, j)), or -inf when the other end is outside the band.
 * values holds a value per cell (best or alpha or beta); the score is the bead's, stored at its end. */
static inline double arrive(const Lattice *l, const double *values, Py_ssize_t i, int64_t j, Py_ssize_t cell,
                            Py_ssize_t t, int direction) {
    Py_ssize_t r = i + direction * l->pdi[t];
    int64_t jj = j + direction * l->pdj[t];
    if (r < 0 || r >= l->rows || jj < l->plo[r] || jj > l->phi[r]) return -INFINITY;
    Py_ssize_t other = l->poff[r] + (jj - l->plo[r]);
    return values[other] + score(l, t, direction < 0 ? cell : other);
}

static PyObject *viterbi_back(PyObject *self, PyObject *args) {
    (void)self;
    Lattice l;
    if (parse(args, &l, 1) < 0) return NULL;
    int8_t *back = l.out.buf;
    double *best = malloc(sizeof(double) * (size_t)l.cells);
    if (best == NULL) {
        release(&l);
        return PyErr_NoMemory();
    }
    Py_ssize_t moves[MAX_TYPES], n_moves = 0;
    for (Py_ssize_t t = 0; t < l.types; t++) {
        if (l.pdi[t] > 0) moves[n_moves++] = t;
    }
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < l.rows; i++) {
        Py_ssize_t a = l.poff[i], width = l.phi[i] - l.plo[i] + 1;
        double running = 0.0, top = 0.0;
        for (Py_ssize_t c = 0; c < width; c++) {
            int64_t j = l.plo[i] + c;
            double x = -INFINITY;
            int pick = -1;
            for (Py_ssize_t k = 0; k < n_moves; k++) {
                double v = arrive(&l, best, i, j, a + c, moves[k], -1);
                if (k == 0 || v > x) { /* argmax: the first of equal candidates */
                    x = v;
                    pick = (int)moves[k];
                }
            }
            int8_t pointer = x > -INFINITY ? (int8_t)pick : -1;
            if (i == 0 && c == 0) {
                x = 0.0; /* the start node */
                pointer = -1;
            }
            if (l.skip >= 0) { /* V = C + cummax(X - C), C the running sum of the row's skip scores */
                double s = skip_score(&l, a + c);
                running = c == 0 ? s : running + s;
                double relative = x - running;
                top = c == 0 ? relative : (relative > top ? relative : top);
                if (relative < top) pointer = (int8_t)l.skip;
                x = running + top;
            }
            best[a + c] = x;
            back[a + c] = pointer;
        }
    }
    Py_END_ALLOW_THREADS
    free(best);
    release(&l);
    Py_RETURN_NONE;
}

/* log Σ exp of the candidates as search._logsumexp_columns computes it: shifted by the largest (at least
 * -1e300, so an all -inf column stays -inf), summed in type order. */
static inline double logsumexp(const double *values, Py_ssize_t n) {
    double top = values[0];
    for (Py_ssize_t k = 1; k < n; k++) top = values[k] > top ? values[k] : top;
    if (top == -INFINITY) return -INFINITY; /* log(0) + -1e300 in numpy */
    double shift = top > -1e300 ? top : -1e300;
    /* exp(-inf) is 0, and adding 0 to a sum of non-negative terms leaves it as it was: impossible beads
     * (outside the band, masked) are left out of the sum without changing a bit of it. */
    double sum = 0.0;
    for (Py_ssize_t k = 0; k < n; k++) {
        if (values[k] != -INFINITY) sum += exp(values[k] - shift);
    }
    return log(sum) + shift;
}

static PyObject *sums(PyObject *args, int direction) {
    Lattice l;
    if (parse(args, &l, (Py_ssize_t)sizeof(double)) < 0) return NULL;
    double *out = l.out.buf;
    Py_ssize_t moves[MAX_TYPES], n_moves = 0;
    for (Py_ssize_t t = 0; t < l.types; t++) {
        if (l.pdi[t] > 0) moves[n_moves++] = t;
    }
    double candidates[MAX_TYPES];
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t step = 0; step < l.rows; step++) {
        Py_ssize_t i = direction < 0 ? step : l.rows - 1 - step;
        Py_ssize_t a = l.poff[i], width = l.phi[i] - l.plo[i] + 1;
        for (Py_ssize_t c = 0; c < width; c++) {
            int64_t j = l.plo[i] + c;
            for (Py_ssize_t k = 0; k < n_moves; k++) candidates[k] = arrive(&l, out, i, j, a + c, moves[k], direction);
            out[a + c] = n_moves ? logsumexp(candidates, n_moves) : -INFINITY;
        }
        if (direction < 0 && i == 0) out[a] = 0.0;                           /* the start node */
        if (direction > 0 && i == l.rows - 1) out[a + width - 1] = 0.0;      /* the end node */
        if (l.skip < 0) continue;
        double running = 0.0, total = 0.0;
        if (direction < 0) { /* alpha = C + logcumsumexp(X - C), left to right */
            for (Py_ssize_t c = 0; c < width; c++) {
                double s = skip_score(&l, a + c);
                running = c == 0 ? s : running + s;
                double v = out[a + c] - running;
                total = c == 0 ? v : logaddexp(total, v);
                out[a + c] = running + total;
            }
        } else { /* right to left: the first term 0, then the skip into the row's last cell, and so on */
            for (Py_ssize_t q = 0; q < width; q++) {
                if (q > 0) running += skip_score(&l, a + width - q);
                double v = out[a + width - 1 - q] - running;
                total = q == 0 ? v : logaddexp(total, v);
                out[a + width - 1 - q] = running + total;
            }
        }
    }
    Py_END_ALLOW_THREADS
    release(&l);
    Py_RETURN_NONE;
}

static PyObject *forward_sums(PyObject *self, PyObject *args) {
    (void)self;
    return sums(args, -1);
}

static PyObject *backward_sums(PyObject *self, PyObject *args) {
    (void)self;
    return sums(args, +1);
}

static PyMethodDef methods[] = {
    {"viterbi_back", viterbi_back, METH_VARARGS, "Back pointers (bead type per cell, -1 none) of the best path."},
    {"forward_sums", forward_sums, METH_VARARGS, "Forward log-sums (alpha) of every cell into out."},
    {"backward_sums", backward_sums, METH_VARARGS, "Backward log-sums (beta) of every cell into out."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_search", "Compiled row loops of bitext.align.search.",
                                    -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__search(void) { return PyModule_Create(&module); }
