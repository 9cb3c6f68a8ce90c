import sys

from bitext.cli.main import main

sys.exit(main())
