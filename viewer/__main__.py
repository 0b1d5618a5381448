"""`python -m viewer`: the same entry point as the `report-viewer` command."""

import sys

from viewer.cli import main

sys.exit(main())
