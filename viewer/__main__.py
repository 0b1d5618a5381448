"""`python -m viewer`: the same entry point as the `report-viewer` command."""

import multiprocessing
import sys

from viewer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()      # the frozen bundle's batch-import workers start here
    sys.exit(main())
