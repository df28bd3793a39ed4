package steps

import "testing"

func TestLineNoise(t *testing.T) {
	want := click(named("Next"), SingleClick)
	checkSteps(t, []stepCase{
		{`click "Next"`, want},
		{`  click "Next"  `, want},
		{`CLICK "Next"`, want},
		{`click "Next".`, want},
		{`1. click "Next"`, want},
		{`12.click "Next"`, want},
		{`2) click "Next"`, want},
		{`- click "Next"`, want},
		{`* click "Next"`, want},
		{`• click "Next"`, want},
		{`Step 3: click "Next"`, want},
		{`step 3. click "Next"`, want},
		{`Step 3 click "Next"`, want},
		{`then click "Next"`, want},
		{`Then, click "Next"`, want},
		{`and then click "Next"`, want},
		{`3. Then click "Next".`, want},
		{"click\t\"Next\"\r", want},
	})
	checkSteps(t, []stepCase{
		{`expect the page contains "Done."`, check(PageContains, nil, "Done.")},
		{`expect the page contains "Done.".`, check(PageContains, nil, "Done.")},
	})
}

func TestIgnoredLines(t *testing.T) {
	instructions := "# sign in\n\n// the form\n   \n1.\nStep 2:\nthen\n" + `click "Next"` + "\n# done"
	steps, errs := Parse(instructions)
	if errs != nil {
		t.Fatal(errs)
	}
	if len(steps) != 1 || steps[0].Line != 8 || steps[0].Source != `click "Next"` {
		t.Fatalf("want the one step on line 8, got %+v", steps)
	}
}
