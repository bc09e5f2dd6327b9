// Ribbon code for the shared runtime. The only ribbon button opens the task pane
// (ShowTaskpane in manifest.xml), so there is no ExecuteFunction handler to register yet.
Office.onReady(() => {
  // Intentionally empty: Office.actions.associate(...) goes here when a command button is added.
});
