@echo off
rem Kaboom launcher for Windows (cmd.exe or PowerShell): the twin of bin/kaboom.
rem Builds the project on first use (or when sources changed), then runs the CLI:
rem   bin\kaboom                 opens the window
rem   bin\kaboom --help          all subcommands
rem   bin\kaboom trace FILE      print a scenario's trace
rem Environment: KABOOM_JAVA_OPTS (JVM options), KABOOM_SETTINGS=NAME (a separate set of window
rem settings), NO_COLOR (no colours in help). Needs java (JDK 17+) and mvn on PATH.
setlocal EnableExtensions DisableDelayedExpansion
for %%I in ("%~dp0..") do set "HERE=%%~fI"
set "CP_FILE=%HERE%\target\classpath.txt"
set "STAMP=%HERE%\target\classes\.kaboom-built"

if not exist "%STAMP%" goto build
if not exist "%CP_FILE%" goto build
rem a source, a resource or the POM newer than the last build?
powershell -NoProfile -NonInteractive -Command "$s = (Get-Item -LiteralPath '%STAMP%').LastWriteTime; $n = Get-ChildItem -LiteralPath '%HERE%\src\main','%HERE%\resources','%HERE%\pom.xml' -Recurse -File | Where-Object { $_.LastWriteTime -gt $s } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }" >nul 2>nul
if errorlevel 1 goto build
goto run

:build
where mvn >nul 2>nul
if errorlevel 1 (
  >&2 echo kaboom: Maven ^(mvn^) is not on PATH; see README.md, Install
  exit /b 1
)
if exist "%STAMP%" (
  >&2 echo kaboom: sources changed, building ^(Maven, about 20 s^)...
) else (
  >&2 echo kaboom: building Kaboom ^(Maven, once: about 1 min, longer while Maven downloads its libraries^)...
)
pushd "%HERE%"
rem -B and style.color=never: no progress bars or escape codes in this output
call mvn -B -q --no-transfer-progress -Dstyle.color=never -DskipTests compile dependency:build-classpath "-Dmdep.outputFile=%CP_FILE%" -DincludeScope=runtime 1>&2
if errorlevel 1 (
  popd
  >&2 echo kaboom: build failed ^(see above^)
  exit /b 1
)
popd
type nul > "%STAMP%"

:run
rem JavaFX on the module path, the app and its other libraries on the class path (as bin/kaboom;
rem JavaFX supports only that). Monocle (headless: snapshot, bench) is patched into javafx.graphics.
set "ALL="
for /f "usebackq delims=" %%L in ("%CP_FILE%") do set "ALL=%%L"
set "FX="
set "APP=%HERE%\target\classes"
set "MONOCLE="
for %%J in ("%ALL:;=" "%") do call :classify "%%~J"
set "FX_OPTS=--module-path "%FX%" --add-modules javafx.controls,javafx.fxml"
if defined MONOCLE set "FX_OPTS=%FX_OPTS% --patch-module "javafx.graphics=%MONOCLE%""

rem the benchmark runs on the throughput (Parallel) collector (docs/performance.md)
set "JVM_OPTS=%KABOOM_JAVA_OPTS%"
if /i "%~1"=="bench" if not defined KABOOM_JAVA_OPTS set "JVM_OPTS=-XX:+UseParallelGC"

java %JVM_OPTS% %FX_OPTS% -cp "%APP%" dev.kaboom.cli.Main %*
exit /b %errorlevel%

:classify
rem one class path entry: JavaFX's jars to FX, Monocle to MONOCLE, the rest to APP
if "%~1"=="" exit /b 0
set "NAME=%~nx1"
if /i "%NAME:~0,7%"=="javafx-" (
  if defined FX (set "FX=%FX%;%~1") else (set "FX=%~1")
) else if /i "%NAME:~0,16%"=="openjfx-monocle-" (
  set "MONOCLE=%~1"
) else (
  set "APP=%APP%;%~1"
)
exit /b 0
