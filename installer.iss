; Inno Setup 6 script of SX&TDBV Desktop: a per-user install that needs no administrator rights.
; Build the bundle first (python tools/dev.py bundle), then:  ISCC.exe installer.iss
; The user's data lives in %LOCALAPPDATA%\SoCongThuong\SXTDBV Desktop, outside {app}: installing,
; upgrading and uninstalling never touch it.

#define AppName "SX&TDBV Desktop"
#define AppExe "SXTDBV Desktop.exe"
#define Bundle "dist\SXTDBV-Desktop"
#define AppVersion GetVersionNumbersString(Bundle + "\" + AppExe)

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
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=dist
OutputBaseFilename=SXTDBV-Desktop-Setup-{#AppVersion}
SetupIconFile=resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

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
