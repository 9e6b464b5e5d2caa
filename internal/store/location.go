// Package store keeps the simulated cloud in a database. It is the only
// package that speaks SQL.
package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// EnvDatabase names the environment variable that says where the cloud
// lives when the configuration does not.
const EnvDatabase = "SIMCLOUD_DATABASE"

// ResolveLocation says where the cloud lives: the explicit location if given,
// else $SIMCLOUD_DATABASE, else $XDG_DATA_HOME/simcloud/cloud.db, else
// ~/.local/share/simcloud/cloud.db.
func ResolveLocation(explicit string, getenv func(string) string) (string, error) {
	if explicit != "" {
		return explicit, nil
	}
	if env := getenv(EnvDatabase); env != "" {
		return env, nil
	}
	if xdg := getenv("XDG_DATA_HOME"); xdg != "" {
		return filepath.Join(xdg, "simcloud", "cloud.db"), nil
	}
	home := getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", errors.New("no database location is configured and the home directory is unknown; set database or " + EnvDatabase)
		}
	}
	return filepath.Join(home, ".local", "share", "simcloud", "cloud.db"), nil
}

// isPostgres reports whether a location names a PostgreSQL database rather
// than a file.
func isPostgres(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// Describe returns a location fit for logs and messages: a PostgreSQL URL
// loses its password.
func Describe(location string) string {
	if !isPostgres(location) {
		return location
	}
	scheme, rest, _ := strings.Cut(location, "://")
	userinfo, host, found := strings.Cut(rest, "@")
	if !found {
		return location
	}
	user, _, hasPassword := strings.Cut(userinfo, ":")
	if !hasPassword {
		return location
	}
	return scheme + "://" + user + ":xxxxx@" + host
}

// EnvRegion names the environment variable that picks the region when the
// configuration does not.
const EnvRegion = "SIMCLOUD_REGION"

// ResolveScope says which account and region a front end (the provider, the
// simcloud command) acts in, from explicit values and the environment, so
// that both faces of the binary see the same cloud from the same settings.
// The result is not validated: cloud.NewClient does that.
func ResolveScope(accountID, region string, getenv func(string) string) cloud.Scope {
	scope := cloud.Scope{AccountID: accountID, Region: region}
	if scope.AccountID == "" {
		scope.AccountID = cloud.DefaultAccountID
	}
	if scope.Region == "" {
		scope.Region = getenv(EnvRegion)
	}
	if scope.Region == "" {
		scope.Region = cloud.DefaultRegion
	}
	return scope
}
