package graph

import (
	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph/model"
)

// logConnection turns a page of logs into a Relay connection. Pages only go
// forward, so hasPreviousPage says whether the page began after a cursor.
func logConnection(page *db.LogPage, afterCursor bool) *model.ExecutionLogConnection {
	conn := &model.ExecutionLogConnection{
		Edges:    make([]*model.ExecutionLogEdge, len(page.Logs)),
		PageInfo: &model.PageInfo{HasNextPage: page.HasNextPage, HasPreviousPage: afterCursor},
	}
	for i, l := range page.Logs {
		conn.Edges[i] = &model.ExecutionLogEdge{Node: l, Cursor: db.CursorOf(l).String()}
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
		conn.PageInfo.EndCursor = &conn.Edges[n-1].Cursor
	}
	return conn
}
