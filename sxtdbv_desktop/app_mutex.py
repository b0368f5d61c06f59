"""The named mutex that tells the Windows installer and uninstaller the program is running.

`installer.iss` names it in `AppMutex`: while a process holds it, Setup and Uninstall ask the
user to close the program first (a silent run gives up instead), so an upgrade never replaces
files under a running program and an uninstall never removes them from under it. Windows
frees the mutex when the process ends, even after a crash. It lives in the user's session (no
"Global\\" prefix): the program is installed per user, so only this user's copy matters.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

MUTEX_NAME = "SoCongThuong-SXTDBV-Desktop"
"""Also in installer.iss (`#define AppMutex`); tests/test_app_mutex.py checks they agree."""

_handles: list[int] = []  # held for the process's life: closing the handle frees the mutex


def hold(create_mutex: Callable[[str], int] | None = None) -> bool:
    """Create the mutex for the rest of this process's life; True when held.

    `create_mutex` is CreateMutexW (a handle, 0 on failure), replaced in tests; elsewhere than
    on Windows there is no installer to tell, and nothing is done.
    """
    create = create_mutex or _system_create_mutex
    if create is None:
        return False
    handle = create(MUTEX_NAME)
    if not handle:
        # Not a reason to refuse working: only an upgrade under a running program is at stake.
        log.warning("Không tạo được mutex %s cho trình cài đặt", MUTEX_NAME)
        return False
    _handles.append(handle)
    return True


_system_create_mutex: Callable[[str], int] | None = None

if sys.platform == "win32":
    import ctypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_wchar_p]
    _kernel32.CreateMutexW.restype = ctypes.c_void_p

    def _create_mutex(name: str) -> int:
        # Not owned (bInitialOwner FALSE): its existence is the signal. A second instance gets
        # a handle to the same mutex (ERROR_ALREADY_EXISTS), which is as good.
        return int(_kernel32.CreateMutexW(None, 0, name) or 0)

    _system_create_mutex = _create_mutex
