"""Who may read the audit log: the one place that decides, like the other access modules.

The whole log is for the privacy officer (docs/process.md §3). The views of one intervention file
are also shown to the people responsible for it; that decision lives in
`kansrijk/interventions/access.py` (`can_see_file_viewers`), next to the file's other rules.
"""

from __future__ import annotations

from kansrijk.accounts.constants import Role


def can_read_audit_log(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.role == Role.PRIVACY_OFFICER
    )
