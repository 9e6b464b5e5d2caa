package pluginlog

import (
	"maps"
	"testing"
)

func TestMuteUnread(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want map[string]string
	}{
		{
			name: "nobody reads the log",
			env:  map[string]string{},
			want: map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF"},
		},
		{
			name: "TF_LOG keeps every level",
			env:  map[string]string{"TF_LOG": "DEBUG"},
			want: map[string]string{"TF_LOG": "DEBUG"},
		},
		{
			name: "TF_LOG_PROVIDER keeps every level",
			env:  map[string]string{"TF_LOG_PROVIDER": "TRACE"},
			want: map[string]string{"TF_LOG_PROVIDER": "TRACE"},
		},
		{
			name: "an empty TF_LOG is no log",
			env:  map[string]string{"TF_LOG": ""},
			want: map[string]string{"TF_LOG": "", "TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF"},
		},
		{
			name: "a level the user set stays",
			env:  map[string]string{"TF_LOG_SDK_FRAMEWORK": "WARN"},
			want: map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "WARN"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := maps.Clone(c.env)
			lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
			set := func(k, v string) error { env[k] = v; return nil }
			MuteUnread(lookup, set)
			if !maps.Equal(env, c.want) {
				t.Errorf("environment after = %v, want %v", env, c.want)
			}
		})
	}
}
