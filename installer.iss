; Inno Setup 6 script of SX&TDBV Desktop: a per-user install that needs no administrator rights.
; Build the bundle first (python tools/dev.py bundle), then:  ISCC.exe installer.iss
; The user's data lives in %LOCALAPPDATA%\SoCongThuong\SXTDBV Desktop, outside {app}: installing,
; upgrading and uninstalling never touch it.
; Saved as UTF-8 with a byte order mark: Inno Setup before 6.3 reads a script without one in
; the system's ANSI code page, which would garble the Vietnamese below.
; Signing, when a certificate is configured (.github/workflows/windows.yml): the environment
; variable SXTDBV_SIGN_COMMAND holds the signtool command, with $q for quotes and $f for the
; file, and ISCC runs with  /DSignToolName=sxtdbv "/Ssxtdbv=$p". The command comes from the
; environment so that no quoted path has to survive ISCC's command line. Without, unsigned.

#if VER < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 or newer is needed: packaging\Vietnamese.isl holds the messages of 6.5
#endif

#define AppName "SX&TDBV Desktop"
#define AppExe "SXTDBV Desktop.exe"
#define Bundle "dist\SXTDBV-Desktop"
#define AppVersion GetVersionNumbersString(Bundle + "\" + AppExe)
; Created by the program while its window is open (sxtdbv_desktop/app_mutex.py, same name).
#define AppMutex "SoCongThuong-SXTDBV-Desktop"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{0ADF41C7-3D30-467A-AD2D-43E3A48B9ADC}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Sở Công Thương
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\SXTDBV Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
; Windows 10 1809: the oldest Windows that Qt 6 (PySide6 6.12) runs on.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=dist
OutputBaseFilename=SXTDBV-Desktop-Setup-{#AppVersion}
SetupIconFile=sxtdbv_desktop\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Setup and Uninstall refuse to go on while the program runs (a silent run exits non-zero).
AppMutex={#AppMutex}
CloseApplications=yes
RestartApplications=no
#ifdef SignToolName
  #if GetEnv("SXTDBV_SIGN_COMMAND") == ""
    #error SignToolName is defined but SXTDBV_SIGN_COMMAND is empty
  #endif
; Setup, its temporary copies and the uninstaller it writes are signed.
SignTool={#SignToolName} {#GetEnv("SXTDBV_SIGN_COMMAND")}
SignedUninstaller=yes
#endif

[Languages]
Name: "vi"; MessagesFile: "packaging\Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole runtime, so no module of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what it installed, never the user's data.
