"""Which files of the analysis build.spec leaves out of the bundle, by their destination in it.

Kept apart from build.spec so that tests check the patterns against the destinations of both
systems: PyInstaller puts PySide6's Qt files under `PySide6/Qt/` on Linux but directly under
`PySide6\\` on Windows (translations in `PySide6\\translations`, plugins in `PySide6\\plugins`).
"""

from __future__ import annotations

import re

# Files that Qt ships but a widgets application on Windows/Linux does not need: the
# translations (Qt has no Vietnamese ones anyway; about 200 files, 14 MB on Windows), the
# software OpenGL renderer, the D3D shader compiler and QML/Quick leftovers.
DROP = re.compile(
    r"(PySide6[/\\](Qt[/\\])?translations[/\\]|opengl32sw\.dll|d3dcompiler_\d+\.dll|Qt6Quick|"
    r"Qt6Qml|Qt6OpenGL|Qt6VirtualKeyboard|Qt6PdfQuick|"
    r"[/\\]qml[/\\]|[/\\]generic[/\\]|networkinformation|tls[/\\])",
    re.IGNORECASE,
)

# Plugins kept: the platforms a desktop needs (and offscreen for the self-test), the image
# formats the application's own icons use (PNG, ICO), and Windows printing.
UNUSED_PLUGIN = re.compile(
    r"plugins[/\\](platforms[/\\]\w*(eglfs|linuxfb|minimal|vkkhrdisplay|vnc|wayland)|"
    r"imageformats[/\\]\w*(gif|icns|jpeg|tga|tiff|wbmp|webp|pdf|svg)|iconengines|platformthemes|"
    r"wayland-|egldeviceintegrations|xcbglintegrations|"
    # Linux only, where the bundle serves CI: CUPS printing pulls GnuTLS and Kerberos in.
    r"printsupport[/\\]libcups)",
    re.IGNORECASE,
)

# babel carries the data of every locale (about 30 MB): keep Vietnamese and the root.
BABEL_LOCALE = re.compile(r"babel[/\\]locale-data[/\\](?!(vi|vi_VN|root)\.dat$)")

# python-docx's package data holds its template twice: default.docx, which it opens, and the
# same parts unzipped (1 MB), which it never reads.
DOCX_UNZIPPED_TEMPLATE = re.compile(r"docx[/\\]templates[/\\]default-docx-template[/\\]")


# Linux only, where the bundle serves CI and developers: libraries the manylinux policy (PEP
# 600) lets every wheel take from the system, and which the PySide6 wheels themselves take from
# it (so any machine that runs the program from source has them): the C++ runtime, X11, GLib.
# PyInstaller would copy the build machine's (5 MB); what only they needed goes with them.
SYSTEM_LIBRARY = re.compile(
    r"(^|/)(libstdc\+\+|libgcc_s|libX11|libglib-2\.0|libgthread-2\.0|libgobject-2\.0)"
    r"\.so(\.\d+)*$"
)


def keep(dest: str) -> bool:
    """Whether the file at `dest` (its path inside the bundle) goes into the bundle."""
    return not any(
        pattern.search(dest)
        for pattern in (DROP, UNUSED_PLUGIN, BABEL_LOCALE, DOCX_UNZIPPED_TEMPLATE, SYSTEM_LIBRARY)
    )
