import sys

from velsen_desk.cli import main

sys.exit(main())
