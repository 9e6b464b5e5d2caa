// Package cli is the simcloud command: the console of the simulated cloud.
// It lists, shows and draws what exists, and changes the cloud behind
// Terraform's back (for practising drift) through the same engine, so the
// same rules refuse what AWS refuses. It knows nothing of Terraform.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
)

// Name is the name under which the binary answers as a command.
const Name = "simcloud"

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// IO is what a command reads and writes, and the environment it reads its
// defaults from; tests give their own.
type IO struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// command is one subcommand.
type command struct {
	name, args, summary string
	// setup defines the command's own flags on fs and returns the function
	// that runs it once they are parsed. Split so that help can list the
	// flags without running anything; a returned usageError exits 2.
	setup func(fs *flag.FlagSet) func(ctx context.Context, e *env, args []string) error
}

var commands []command

func register(c command) { commands = append(commands, c) }

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Wanted reports whether the binary, started with args (os.Args), should
// answer as the command rather than serve the provider. Terraform starts the
// provider under its own file name (never simcloud), with its magic cookie
// set and no arguments; a developer may add -debug. So the name simcloud
// always means the command, even in a shell that a plugin process started
// and that inherited the cookie; otherwise a known subcommand does, unless
// the cookie says Terraform is the caller.
func Wanted(args []string, getenv func(string) string) bool {
	if len(args) > 0 && strings.TrimSuffix(filepath.Base(args[0]), ".exe") == Name {
		return true
	}
	if getenv("TF_PLUGIN_MAGIC_COOKIE") != "" || len(args) < 2 {
		return false
	}
	switch args[1] {
	case "help", "-h", "-help", "--help":
		return true
	}
	_, ok := lookup(args[1])
	return ok
}

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// env is what every command works with: the configuration shared with the
// provider, and the IO.
type env struct {
	IO
	database, region, accountID string
	st                          cloud.Store
}

// open opens the cloud the configuration names, as the provider would.
func (e *env) open() (cloud.Store, error) {
	if e.st != nil {
		return e.st, nil
	}
	location, err := store.ResolveLocation(e.database, e.Getenv)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(location)
	if err != nil {
		return nil, err
	}
	e.st = st
	return st, nil
}

// client opens the cloud and returns a client in the configured scope.
func (e *env) client() (*cloud.Client, error) {
	st, err := e.open()
	if err != nil {
		return nil, err
	}
	return cloud.NewClient(st, e.scope(), nil)
}

// writer is client for a command that changes the cloud: a change is a
// use of the scope, whose first use makes its default VPC as the
// provider's does (see cloud.Client.UseScope).
func (e *env) writer(ctx context.Context) (*cloud.Client, error) {
	c, err := e.client()
	if err != nil {
		return nil, err
	}
	if _, err := c.UseScope(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

func (e *env) scope() cloud.Scope {
	return store.ResolveScope(e.accountID, e.region, e.Getenv)
}

func (e *env) close() {
	if e.st != nil {
		_ = e.st.Close()
	}
}

// Run runs the command line args (without the program name) and returns the
// exit status.
func Run(args []string, io IO) int {
	if io.Getenv == nil {
		io.Getenv = os.Getenv
	}
	stdout := &stickyWriter{w: io.Stdout}
	io.Stdout = stdout
	e := &env{IO: io}
	defer e.close()
	root := flag.NewFlagSet(Name, flag.ContinueOnError)
	root.SetOutput(io.Stderr)
	addConfigFlags(root, e)
	// The flag package prints usage on every parse error, to the flag
	// set's output; we print it ourselves, to stdout when asked for.
	root.Usage = func() {}
	if err := root.Parse(args); err != nil {
		return parseFailed(err, io, func(w writer) { printRootUsage(w, root) })
	}
	if root.NArg() == 0 {
		printRootUsage(io.Stderr, root)
		return exitUsage
	}
	name := root.Arg(0)
	if name == "help" {
		if root.NArg() > 1 {
			again := append([]string{}, args[:len(args)-root.NArg()]...)
			return Run(append(again, root.Arg(1), "--help"), io)
		}
		printRootUsage(io.Stdout, root)
		return exitOK
	}
	cmd, ok := lookup(name)
	if !ok {
		outf(io.Stderr, "Error: unknown command %q\n\nRun '%s --help' for the list of commands.\n", name, Name)
		return exitUsage
	}
	fs := flag.NewFlagSet(Name+" "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Stderr)
	// Configuration flags are accepted after the command too, as users type
	// them there as often as before it.
	addConfigFlags(fs, e)
	run := cmd.setup(fs)
	fs.Usage = func() {}
	positional, err := parseInterspersed(fs, root.Args()[1:])
	if err != nil {
		return parseFailed(err, io, func(w writer) { printCommandUsage(w, cmd) })
	}
	if err := run(context.Background(), e, positional); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			outf(io.Stderr, "Error: %s\n\n", ue.msg)
			printCommandUsage(io.Stderr, cmd)
			return exitUsage
		}
		printError(io.Stderr, err)
		return exitError
	}
	if stdout.err != nil {
		printError(io.Stderr, fmt.Errorf("writing the output: %w", stdout.err))
		return exitError
	}
	return exitOK
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments (the flag package stops at the first positional one), and
// returns the positional ones. "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func addConfigFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.database, "database", e.database, "where the cloud lives: a file path or a postgres:// URL (default $"+store.EnvDatabase+", else $XDG_DATA_HOME/simcloud/cloud.db, else ~/.local/share/simcloud/cloud.db)")
	fs.StringVar(&e.region, "region", e.region, "the region to act in (default $"+store.EnvRegion+", else "+cloud.DefaultRegion+")")
	fs.StringVar(&e.accountID, "account-id", e.accountID, "the 12-digit account to act as (default "+cloud.DefaultAccountID+")")
}

// printError writes an error as the provider shows it: the AWS code and
// wording, the objects involved, then how to fix it.
func printError(w io.Writer, err error) {
	var ce *cloud.Error
	if errors.As(err, &ce) {
		outf(w, "Error: %s: %s\n", ce.Code, ce.Message)
		if len(ce.Objects) > 0 {
			outf(w, "\nObjects involved: %s\n", strings.Join(ce.Objects, ", "))
		}
		if ce.Fix != "" {
			outf(w, "\nHow to fix: %s\n", ce.Fix)
		}
		return
	}
	outf(w, "Error: %s\n", err)
}

// parseFailed answers an error of the flag package, which has already
// said what was wrong on stderr: --help gets the usage on stdout and
// success, anything else the usage on stderr and the usage exit code.
func parseFailed(err error, streams IO, usage func(w writer)) int {
	if errors.Is(err, flag.ErrHelp) {
		usage(streams.Stdout)
		return exitOK
	}
	outln(streams.Stderr)
	usage(streams.Stderr)
	return exitUsage
}

// writer is io.Writer under a name that Run, whose streams are called io,
// can still say.
type writer = io.Writer

func printRootUsage(w io.Writer, root *flag.FlagSet) {
	outf(w, "Usage: %s [flags] <command> [arguments]\n\n", Name)
	outln(w, "Look at the simulated cloud, and change it behind Terraform's back.")
	outln(w, "\nCommands:")
	sorted := append([]command(nil), commands...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, c := range sorted {
		outf(w, "  %-9s %s\n", c.name, c.summary)
	}
	outln(w, "\nFlags (before or after the command):")
	root.SetOutput(w)
	root.PrintDefaults()
	outf(w, "\nRun '%s <command> --help' for a command's arguments and flags.\n", Name)
}

func printCommandUsage(w io.Writer, c command) {
	outf(w, "Usage: %s %s [flags] %s\n\n%s\n\nFlags:\n", Name, c.name, c.args, c.summary)
	// A flag set of its own, so that defaults show as documented, not as
	// set by flags before the command.
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	addConfigFlags(fs, &env{})
	c.setup(fs)
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// Main runs the command as a program: os.Args, the process's IO, and its
// exit status.
func Main() int {
	args := os.Args[1:]
	return Run(args, IO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
}

// outf and outln write output whose individual errors do not matter: the
// command's stdout is a stickyWriter, which remembers the first failure (a
// closed pipe, a full disk) for Run to report once.
func outf(w io.Writer, format string, a ...any) { _, _ = fmt.Fprintf(w, format, a...) }
func outln(w io.Writer, a ...any)               { _, _ = fmt.Fprintln(w, a...) }

// stickyWriter passes writes on until one fails, and then fails them all.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}
