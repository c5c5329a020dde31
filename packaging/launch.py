"""PyInstaller entry script: the same as the ``velsen-desk`` console script."""

import sys

from velsen_desk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
