// GraphiQL on this server's API: queries and mutations over HTTP POST,
// subscriptions over the graphql-transport-ws websocket (graphql-ws). The API
// key the app stored, if any, goes on both.
(function () {
  "use strict";
  var key = "";
  try { key = localStorage.getItem("testing-agent.apiKey") || ""; } catch (e) { /* storage off */ }
  var headers = key ? { Authorization: "Bearer " + key } : {};
  var wsURL = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/graphql";
  var wsClient = graphqlWs.createClient({
    url: wsURL,
    lazy: true,
    connectionParams: key ? { authorization: "Bearer " + key } : {},
  });
  var fetcher = GraphiQL.createFetcher({ url: "/graphql", headers: headers, wsClient: wsClient });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolbarTabs: "variables",
    defaultQuery: "# Live sessions: run me, then create a session elsewhere.\nsubscription Sessions {\n  listTestSessions(limit: 10) {\n    id\n    name\n    status\n    completedFlows\n    failedFlows\n    runFlows\n  }\n}\n",
  }));
})();
