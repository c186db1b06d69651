"""Command line: ``python -m graph validate`` and ``python -m graph export``."""

from .cli import main

raise SystemExit(main())
