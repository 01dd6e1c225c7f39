// Shared by every NengoSharp kernel: the element type of the signal buffer and the ragged-block layout.
// Compiled with -D NENGO_DOUBLE for float64 (cl_khr_fp64), float32 otherwise.
#ifdef NENGO_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double real;
#define R(x) x
#else
typedef float real;
#define R(x) x##f
#endif

// Elements per block of a ragged launch (Planning/Ragged.cs): work-item g handles element
// blocks[2b+1] + g % BLOCK of item blocks[2b], b = g / BLOCK.
#define BLOCK 64
#define RAGGED(blocks, nblocks, item, i) \
    const int _g = get_global_id(0); \
    const int _b = _g / BLOCK; \
    if (_b >= (nblocks)) return; \
    const int item = (blocks)[2 * _b]; \
    const int i = (blocks)[2 * _b + 1] + _g % BLOCK;

// A source index below zero names a column of the host table (values computed ahead on the host):
// column -s-1 of the current row.
#define SOURCE(s, table, width, row) ((s) >= 0 ? (s) : (table) + (row) * (width) - (s) - 1)
