import sys

from velsen_desk.cli.main import main

sys.exit(main())
