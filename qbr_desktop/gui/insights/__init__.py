"""Health, benchmarks, expansion and the portfolio view."""
