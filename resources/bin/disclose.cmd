@echo off
rem The Disclose command line, shipped with the app: runs the app's own binary as --cli.
"%~dp0..\..\Disclose.exe" --cli %*
exit /b %ERRORLEVEL%
