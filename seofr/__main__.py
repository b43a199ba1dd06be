"""``python -m seofr``: the ``seofr`` command, for environments without its script."""

import sys

from seofr.cli import main

if __name__ == "__main__":
    sys.exit(main())
