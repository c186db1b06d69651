"""Tools for developing the app, outside the installed package: the benchmark and a local server.

`python -m graph bench` runs `devtools.bench` from a clone of the repository; the tests,
the bench and the load test start the app with `devtools.serve`.
"""
