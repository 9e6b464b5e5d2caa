package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewIAMPolicyDocumentDataSource is simcloud_iam_policy_document: it reads
// nothing from the cloud, and writes a policy document's JSON exactly as
// aws_iam_policy_document does.
var NewIAMPolicyDocumentDataSource = newComputedDataSource("_iam_policy_document", readIAMPolicyDocument, schema.Schema{
	MarkdownDescription: "Writes an IAM policy document as JSON, with the arguments and attributes of the `aws_iam_policy_document` data source and " +
		"its exact output, for `simcloud_iam_role`, `simcloud_iam_policy` and `simcloud_iam_role_policy`.",
	Attributes: map[string]schema.Attribute{
		"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "A hash of `json`."},
		"json":          schema.StringAttribute{Computed: true, MarkdownDescription: "The document, indented by two spaces."},
		"minified_json": schema.StringAttribute{Computed: true, MarkdownDescription: "The document without spaces."},
		"policy_id":     schema.StringAttribute{Optional: true, MarkdownDescription: "The document's `Id`."},
		"version": schema.StringAttribute{Optional: true,
			Validators:          []validator.String{cloudCheck(cloud.ValidatePolicyVersion)},
			MarkdownDescription: "The policy language version: `2012-10-17` (the default) or `2008-10-17`."},
		"source_policy_documents": schema.ListAttribute{ElementType: types.StringType, Optional: true,
			Validators:          []validator.List{jsonElements{}},
			MarkdownDescription: "Documents whose statements come first; their Sids must be unique."},
		"override_policy_documents": schema.ListAttribute{ElementType: types.StringType, Optional: true,
			Validators:          []validator.List{jsonElements{}},
			MarkdownDescription: "Documents merged last, in order: a statement replaces the one with its Sid, or is added."},
	},
	Blocks: map[string]schema.Block{
		"statement": schema.ListNestedBlock{
			MarkdownDescription: "A statement of the document.",
			NestedObject: schema.NestedBlockObject{
				Attributes: map[string]schema.Attribute{
					"sid": schema.StringAttribute{Optional: true, MarkdownDescription: "The statement's ID, letters and digits, unique in the document.",
						Validators: []validator.String{cloudCheck(cloud.ValidatePolicySid)}},
					"effect": schema.StringAttribute{Optional: true, MarkdownDescription: "`Allow` (the default) or `Deny`.",
						Validators: []validator.String{cloudCheck(cloud.ValidatePolicyEffect)}},
					"actions":       optionalStringSet("The actions the statement allows or denies."),
					"not_actions":   optionalStringSet("The actions the statement does not cover."),
					"resources":     optionalStringSet("The resources; `&{...}` is written as the policy variable `${...}`."),
					"not_resources": optionalStringSet("The resources the statement does not cover."),
				},
				Blocks: map[string]schema.Block{
					"principals":     principalsBlock("Whom the statement applies to."),
					"not_principals": principalsBlock("Whom the statement does not apply to."),
					"condition": schema.SetNestedBlock{
						MarkdownDescription: "When the statement applies.",
						NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
							"test":     schema.StringAttribute{Required: true, MarkdownDescription: "The condition operator, such as `StringEquals`."},
							"variable": schema.StringAttribute{Required: true, MarkdownDescription: "The context key, such as `aws:SourceAccount`."},
							"values": schema.ListAttribute{ElementType: types.StringType, Required: true,
								MarkdownDescription: "The values, in order."},
						}},
					},
				},
			},
		},
	},
})

type iamPolicyDocumentModel struct {
	ID                      types.String           `tfsdk:"id"`
	JSON                    types.String           `tfsdk:"json"`
	MinifiedJSON            types.String           `tfsdk:"minified_json"`
	PolicyID                types.String           `tfsdk:"policy_id"`
	Version                 types.String           `tfsdk:"version"`
	SourcePolicyDocuments   []types.String         `tfsdk:"source_policy_documents"`
	OverridePolicyDocuments []types.String         `tfsdk:"override_policy_documents"`
	Statements              []policyStatementModel `tfsdk:"statement"`
}

type policyStatementModel struct {
	Sid           types.String           `tfsdk:"sid"`
	Effect        types.String           `tfsdk:"effect"`
	Actions       []string               `tfsdk:"actions"`
	NotActions    []string               `tfsdk:"not_actions"`
	Resources     []string               `tfsdk:"resources"`
	NotResources  []string               `tfsdk:"not_resources"`
	Principals    []policyPrincipalModel `tfsdk:"principals"`
	NotPrincipals []policyPrincipalModel `tfsdk:"not_principals"`
	Conditions    []policyConditionModel `tfsdk:"condition"`
}

type policyPrincipalModel struct {
	Type        string   `tfsdk:"type"`
	Identifiers []string `tfsdk:"identifiers"`
}

type policyConditionModel struct {
	Test     string   `tfsdk:"test"`
	Variable string   `tfsdk:"variable"`
	Values   []string `tfsdk:"values"`
}

func principalsBlock(description string) schema.SetNestedBlock {
	return schema.SetNestedBlock{
		MarkdownDescription: description,
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"type": schema.StringAttribute{Required: true, MarkdownDescription: "`AWS`, `Service`, `Federated`, `CanonicalUser` or `*`."},
			"identifiers": schema.SetAttribute{ElementType: types.StringType, Required: true,
				MarkdownDescription: "The principals: ARNs, account IDs, service names, or `*`."},
		}},
	}
}

func readIAMPolicyDocument(_ context.Context, _ *providerData, m *iamPolicyDocumentModel, diags *diag.Diagnostics) {
	doc, attribute, err := m.document()
	if err != nil {
		diags.AddAttributeError(attribute, "Invalid IAM policy document", err.Error())
		return
	}
	indented, minified, err := doc.JSON()
	if err != nil {
		diags.AddError("Invalid IAM policy document", err.Error())
		return
	}
	m.JSON, m.MinifiedJSON, m.ID = types.StringValue(indented), types.StringValue(minified), types.StringValue(cloud.PolicyDocumentID(indented))
}

// document merges the source documents, the statements and the override
// documents, as the AWS provider does; on error, it names the attribute
// at fault.
func (m *iamPolicyDocumentModel) document() (*cloud.PolicyDocument, path.Path, error) {
	merged := &cloud.PolicyDocument{}
	sids := map[string]bool{}
	for i, source := range m.SourcePolicyDocuments {
		at := path.Root("source_policy_documents").AtListIndex(i)
		if source.IsNull() {
			continue
		}
		doc, err := cloud.ParsePolicyDocument(source.ValueString())
		if err != nil {
			return nil, at, fmt.Errorf("merging source document %d: %w", i, err)
		}
		for j, s := range doc.Statements {
			if s.Sid != "" && sids[s.Sid] {
				return nil, at, fmt.Errorf("merging source document %d: duplicate Sid (%s) in source_policy_documents (statement %d): remove the Sid or make the Sids unique", i, s.Sid, j)
			}
			sids[s.Sid] = s.Sid != ""
		}
		merged.Merge(doc)
	}
	own := &cloud.PolicyDocument{Version: "2012-10-17", ID: m.PolicyID.ValueString()}
	if !m.Version.IsNull() {
		own.Version = m.Version.ValueString()
	}
	ownSids := map[string]bool{}
	for i, st := range m.Statements {
		at := path.Root("statement").AtListIndex(i)
		s, err := st.statement(own.Version)
		if err != nil {
			return nil, at, err
		}
		if s.Sid != "" && ownSids[s.Sid] {
			return nil, at.AtName("sid"), fmt.Errorf("duplicate Sid (%s): remove the Sid or make it unique", s.Sid)
		}
		ownSids[s.Sid] = s.Sid != ""
		own.Statements = append(own.Statements, s)
	}
	merged.Merge(own)
	for i, override := range m.OverridePolicyDocuments {
		if override.IsNull() {
			continue
		}
		doc, err := cloud.ParsePolicyDocument(override.ValueString())
		if err != nil {
			return nil, path.Root("override_policy_documents").AtListIndex(i), fmt.Errorf("merging override document %d: %w", i, err)
		}
		merged.Merge(doc)
	}
	return merged, path.Empty(), nil
}

func (st policyStatementModel) statement(version string) (*cloud.PolicyStatement, error) {
	s := &cloud.PolicyStatement{Sid: st.Sid.ValueString(), Effect: "Allow"}
	if !st.Effect.IsNull() {
		s.Effect = st.Effect.ValueString()
	}
	if len(st.Actions) > 0 {
		s.Actions = cloud.PolicyStrings(st.Actions)
	}
	if len(st.NotActions) > 0 {
		s.NotActions = cloud.PolicyStrings(st.NotActions)
	}
	for _, list := range []struct {
		values []string
		into   *any
		name   string
	}{{st.Resources, &s.Resources, "resources"}, {st.NotResources, &s.NotResources, "not_resources"}} {
		if len(list.values) == 0 {
			continue
		}
		values, err := cloud.PolicyVariables(list.values, version)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", list.name, err)
		}
		*list.into = cloud.PolicyStrings(values)
	}
	var err error
	if s.Principals, err = principals(st.Principals, version); err != nil {
		return nil, err
	}
	if s.NotPrincipals, err = principals(st.NotPrincipals, version); err != nil {
		return nil, err
	}
	for _, c := range st.Conditions {
		values, err := cloud.PolicyVariables(c.Values, version)
		if err != nil {
			return nil, fmt.Errorf("reading condition: %w", err)
		}
		var v any = values
		if len(values) == 1 {
			v = values[0]
		}
		s.Conditions = append(s.Conditions, cloud.PolicyCondition{Test: c.Test, Variable: c.Variable, Values: v})
	}
	return s, nil
}

func principals(blocks []policyPrincipalModel, version string) (cloud.PolicyPrincipals, error) {
	var out cloud.PolicyPrincipals
	for _, p := range blocks {
		ids, err := cloud.PolicyVariables(p.Identifiers, version)
		if err != nil {
			return nil, fmt.Errorf("reading principals: %w", err)
		}
		out = append(out, cloud.PolicyPrincipal{Type: p.Type, Identifiers: cloud.PolicyStrings(ids)})
	}
	return out, nil
}

// jsonElements checks that each element of a list of documents is JSON.
type jsonElements struct{}

func (jsonElements) Description(context.Context) string { return "each element must be valid JSON" }

func (v jsonElements) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (jsonElements) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for i, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		if _, err := cloud.ParsePolicyDocument(s.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path.AtListIndex(i), "Invalid JSON policy document", err.Error())
		}
	}
}
