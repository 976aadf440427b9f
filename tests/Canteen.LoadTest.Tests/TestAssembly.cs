// The load tool writes its progress and tables to the console; route them to the test that ran it, shown on failure.
[assembly: CaptureConsole]
