package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/store"
)

// Export, import and reset act on the whole database, every account and
// region, so that a lab moves or resets as one piece; --account-id and
// --region do not narrow them.

func init() {
	register(command{
		name: "export", args: "> cloud.json", summary: "Write the whole cloud (every account and region) to standard output as JSON: for backups, sharing a lab, and moving between SQLite and PostgreSQL.",
		setup: func(*flag.FlagSet) func(context.Context, *env, []string) error {
			return noArguments("export", "; redirect its output to a file", func(ctx context.Context, e *env) error {
				st, err := e.open()
				if err != nil {
					return err
				}
				snap, err := store.Export(ctx, st)
				if err != nil {
					return err
				}
				return writeJSON(e.Stdout, snap)
			})
		},
	})

	register(command{
		name: "import", args: "< cloud.json", summary: "Load a cloud written by export from standard input into an empty cloud, in one transaction.",
		setup: func(*flag.FlagSet) func(context.Context, *env, []string) error {
			return noArguments("import", "; redirect its input from a file", func(ctx context.Context, e *env) error {
				var snap store.Snapshot
				dec := json.NewDecoder(e.Stdin)
				dec.UseNumber()
				if err := dec.Decode(&snap); err != nil {
					return fmt.Errorf("reading the export from standard input: %w", err)
				}
				if dec.More() {
					return errors.New("reading the export from standard input: more than one JSON document")
				}
				st, err := e.open()
				if err != nil {
					return err
				}
				if err := store.Import(ctx, st, &snap); err != nil {
					return err
				}
				n := 0
				for _, rows := range snap.Tables {
					n += len(rows)
				}
				outf(e.Stderr, "Imported %d rows.\n", n)
				return nil
			})
		},
	})

	register(command{
		name: "reset", args: "", summary: "Empty the cloud: delete every object of every account and region. Asks first.",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			yes := fs.Bool("yes", false, "do not ask")
			return noArguments("reset", "", func(ctx context.Context, e *env) error {
				location, err := store.ResolveLocation(e.database, e.Getenv)
				if err != nil {
					return err
				}
				if !*yes {
					outf(e.Stderr, "Delete every object in %s, of every account and region? Terraform state that refers to them will show them as gone. [y/N] ", store.Describe(location))
					answer, _ := bufio.NewReader(e.Stdin).ReadString('\n')
					if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
						outln(e.Stderr, "Nothing deleted.")
						return nil
					}
				}
				st, err := e.open()
				if err != nil {
					return err
				}
				if err := store.Reset(ctx, st); err != nil {
					return err
				}
				outln(e.Stderr, "The cloud is empty.")
				return nil
			})
		},
	})
}

// noArguments is the run of a command that takes no positional arguments:
// any is a usage error, with hint after the refusal.
func noArguments(name, hint string, run func(ctx context.Context, e *env) error) func(context.Context, *env, []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		if len(args) > 0 {
			return usagef("%s takes no arguments%s", name, hint)
		}
		return run(ctx, e)
	}
}
