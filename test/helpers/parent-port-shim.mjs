// Loaded with --import into a Node child process started by child_process.fork: gives it the
// `process.parentPort` that Electron's utilityProcess provides, over Node's IPC channel, so the
// built core process (out/main/core.js) runs under plain Node in tests.
process.parentPort = {
  on: (event, listener) => process.on(event, (data) => listener({ data })),
  postMessage: (message) => process.send(message),
};
