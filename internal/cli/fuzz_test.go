package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRun feeds arbitrary command lines to the command against a small
// cloud: it never panics, exits 0, 1 or 2, and says why on stderr when it
// fails.
func FuzzRun(f *testing.F) {
	for _, seed := range []string{
		"ls", "ls -o json", "ls -o", "show", "show vpc-", "show vpc-0123456789abcdef0", "show rtbassoc-zz",
		"diagram --format", "diagram vpc-1 vpc-2", "delete eipalloc-", "detach igw-0123456789abcdef0 vpc-x",
		"route", "route replace rtb-1 ::/0 nat-1", "route delete rtb-0123456789abcdef0 300.0.0.0/8",
		"tag subnet-0123456789abcdef0 =x", "tag vpc-0123456789abcdef0 -remove", "--region", "--region moon-1 ls",
		"--account-id 1 ls", "help help", "-- ls", "ls -- -o", "reset", "import",
	} {
		f.Add(seed)
	}
	dir := f.TempDir()
	location := filepath.Join(dir, "cloud.db")
	f.Fuzz(func(t *testing.T, line string) {
		args := append([]string{"--database", location}, strings.Fields(line)...)
		var stdout, stderr bytes.Buffer
		env := map[string]string{"HOME": dir}
		code := Run(args, IO{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] }})
		if code < 0 || code > 2 {
			t.Fatalf("simcloud %s: exit %d", line, code)
		}
		if code != 0 && stderr.Len() == 0 {
			t.Fatalf("simcloud %s: exit %d with nothing on stderr", line, code)
		}
	})
}
