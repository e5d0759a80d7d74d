"""Allow ``python -m diplomareader``."""

import sys

from diplomareader.cli import main

sys.exit(main())
