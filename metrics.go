package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/testing-agent/backend/graph"
)

// metricsHandler serves Prometheus metrics: the Go runtime, the process,
// and the live-update fan-out. Each server has its own registry, so tests
// can run several in one process.
func metricsHandler(api *graph.Handler) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	gauge := func(name, help string, value func() int) {
		reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "testing_agent", Name: name, Help: help},
			func() float64 { return float64(value()) }))
	}
	gauge("websocket_connections", "Open websocket connections.", func() int { return api.LiveStats().Connections })
	gauge("subscriptions", "Active subscriptions over all connections.", func() int { return api.LiveStats().Subscriptions })
	gauge("live_query_evaluations", "Distinct live queries being evaluated (shared by their subscribers).", func() int { return api.LiveStats().SharedQueries })
	gauge("log_streams", "Active execution-log streams.", func() int { return api.LiveStats().Streams })
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
}
