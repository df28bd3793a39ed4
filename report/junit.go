package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/testing-agent/backend/db"
)

// ArtifactPath is where the server serves screenshots (executor.ArtifactPath;
// repeated here so reports depend on the store only).
const ArtifactPath = "/artifacts/"

// The JUnit document, in the shape Jenkins' and Surefire's schemas accept:
// testsuites > testsuite > (properties?, testcase*, system-out?) and
// testcase > (skipped | failure)?, system-out?.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

// junitSkipped carries its reason as text: the schema Jenkins reads
// (report/testdata/jenkins-junit.xsd) allows no attributes on skipped.
type junitSkipped struct {
	Reason string `xml:",chardata"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnitOptions say how to write links.
type JUnitOptions struct {
	// ScreenshotURL makes the link of a screenshot artifact (absolute,
	// signed when the server has keys) so a CI server can show it; nil
	// leaves links relative (/artifacts/{id}).
	ScreenshotURL func(id string) string
}

// WriteJUnit writes the run as JUnit XML: one testsuite for the session's
// last run, one testcase per flow. Flows that did not run are skipped; a
// failed flow's failure carries its error, and the failed step and its
// screenshot URL.
func WriteJUnit(w io.Writer, r *Run, opts JUnitOptions) error {
	suite := junitSuite{
		Name:      r.Session.Name,
		Time:      seconds(r.runDuration()),
		Timestamp: r.startedAt().UTC().Format("2006-01-02T15:04:05"),
		Properties: []junitProperty{
			{Name: "sessionId", Value: r.Session.ID},
			{Name: "status", Value: string(r.Session.Status)},
		},
	}
	for _, f := range r.Flows {
		c := junitCase{Name: f.Name, Classname: classname(r.Session.Name), Time: seconds(f.DurationMs)}
		switch outcomeOf(f) {
		case failed:
			suite.Failures++
			c.Failure = failureOf(f, opts.screenshotURL)
		case skipped:
			suite.Skipped++
			c.Skipped = &junitSkipped{Reason: skipReason(f)}
		}
		c.SystemOut = stepsText(f, opts.screenshotURL)
		suite.Tests++
		suite.Cases = append(suite.Cases, c)
	}
	doc := junitSuites{Name: r.Session.Name, Tests: suite.Tests, Failures: suite.Failures, Time: suite.Time, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	return nil
}

// classname groups a session's flows the way CI servers group a class's
// tests; dots would split it into packages, so they go.
func classname(session string) string {
	return strings.NewReplacer(".", "_").Replace(session)
}

func failureOf(f *db.TestFlow, screenshotURL func(string) string) *junitFailure {
	msg := "failed"
	if f.Error != nil && *f.Error != "" {
		msg = *f.Error
	}
	text := msg
	if st := failedStep(f); st != nil {
		text = fmt.Sprintf("line %d: %s", st.Line, st.Source)
		if st.Error != nil {
			text += "\n" + *st.Error
		}
		if st.ScreenshotID != nil {
			text += "\nscreenshot: " + screenshotURL(*st.ScreenshotID)
		}
	}
	return &junitFailure{Message: msg, Type: "StepFailed", Text: text}
}

func skipReason(f *db.TestFlow) string {
	switch {
	case f.Status == db.FlowRunning || f.Queued:
		return "still running when the report was made"
	case !f.Approved:
		return "not approved"
	}
	return "not run"
}

// stepsText lists the steps with their outcome, for system-out.
func stepsText(f *db.TestFlow, screenshotURL func(string) string) string {
	var b strings.Builder
	for _, st := range f.Steps {
		fmt.Fprintf(&b, "line %d: %s — %s (%d ms)\n", st.Line, st.Source, st.Status, st.DurationMs)
		if st.ScreenshotID != nil {
			fmt.Fprintf(&b, "  screenshot: %s\n", screenshotURL(*st.ScreenshotID))
		}
	}
	return b.String()
}

func (o JUnitOptions) screenshotURL(id string) string {
	if o.ScreenshotURL == nil {
		return ArtifactPath + id
	}
	return o.ScreenshotURL(id)
}
