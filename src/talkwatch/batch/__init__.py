"""Batch extraction: the local process pool and the Dask path."""
