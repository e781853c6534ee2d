"""The test suite's settings: development's, as if the environment said DEBUG=true.

Kansrijk's default is production (kansrijk/settings.py). The tests run as development does
(no redirect to HTTPS, the fixed development key), unless the environment says otherwise;
the tests of production behaviour start their own processes with DEBUG=false and a full
production environment.
"""

import os

os.environ.setdefault("DEBUG", "true")

from kansrijk.settings import *  # noqa: E402, F403
