import { dataOf } from '../helpers/graphql.js';
import { TOKENS, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { uniqueSuffix } from './identifiers.js';

/** Focus areas (issue 18) through the API: every call must succeed (use the *Raw ones, or sut.gql, for refusals). */
export class FocusAreaFactory {
  constructor(private readonly sut: TestApp) {}

  createRaw(input: Record<string, unknown>, token: string | null = TOKENS.coordinator): Promise<GraphQLResponse> {
    return this.sut.gql(
      'mutation ($i: CreateFocusAreaInput!) { createFocusArea(input: $i) { id status } }',
      { i: input },
      token,
    );
  }

  /** A focus area in PLANNING of the children's categories, made by the demo COORDINATOR. */
  async create(o: Record<string, unknown> = {}, token: string = TOKENS.coordinator): Promise<string> {
    const input = { year: 2026, title: `Fokus ${uniqueSuffix()}`, categoryCodes: ['CHILD'], ...o };
    return dataOf(await this.createRaw(input, token)).createFocusArea.id;
  }

  joinRaw(focusAreaId: string, token: string | null): Promise<GraphQLResponse> {
    return this.sut.gql('mutation ($f: ID!) { joinFocusArea(focusAreaId: $f) { id } }', { f: focusAreaId }, token);
  }

  async join(focusAreaId: string, ...tokens: string[]): Promise<void> {
    for (const token of tokens) dataOf(await this.joinRaw(focusAreaId, token));
  }

  submitRaw(
    focusAreaId: string,
    contractIds: string[],
    token: string | null,
    annualVolumes?: Array<{ contractId: string; annualVolume: number }>,
  ): Promise<GraphQLResponse> {
    return this.sut.gql(
      'mutation ($f: ID!, $c: [ID!]!, $v: [SubmittedVolumeInput!]) { submitContracts(focusAreaId: $f, contractIds: $c, annualVolumes: $v) { id } }',
      { f: focusAreaId, c: contractIds, v: annualVolumes ?? null },
      token,
    );
  }

  async submit(
    focusAreaId: string,
    contractIds: string[],
    token: string,
    annualVolumes?: Array<{ contractId: string; annualVolume: number }>,
  ): Promise<void> {
    dataOf(await this.submitRaw(focusAreaId, contractIds, token, annualVolumes));
  }

  addRaw(
    focusAreaId: string,
    productId: string,
    estimatedCost = 150_000,
    token: string | null = TOKENS.coordinator,
  ): Promise<GraphQLResponse> {
    return this.sut.gql(
      'mutation ($f: ID!, $p: ID!, $c: Int!) { addToSamplingPlan(focusAreaId: $f, productId: $p, analyses: ["Ftalater i PVC"], laboratory: "Eurofins", estimatedCost: $c) { id } }',
      { f: focusAreaId, p: productId, c: estimatedCost },
      token,
    );
  }

  async add(focusAreaId: string, productId: string, estimatedCost = 150_000): Promise<string> {
    return dataOf(await this.addRaw(focusAreaId, productId, estimatedCost)).addToSamplingPlan.id;
  }

  assignRaw(sampleId: string, organisationId: string, token: string | null = TOKENS.coordinator) {
    return this.sut.gql(
      'mutation ($s: ID!, $o: ID!) { assignSample(sampleId: $s, organisationId: $o) { id followUp { id status } purchasingOrganisation { id } } }',
      { s: sampleId, o: organisationId },
      token,
    );
  }

  async assign(sampleId: string, organisationId: string): Promise<{ followUpId: string }> {
    const r = dataOf(await this.assignRaw(sampleId, organisationId)).assignSample;
    return { followUpId: r.followUp.id };
  }

  moveRaw(id: string, status: string, token: string | null = TOKENS.coordinator): Promise<GraphQLResponse> {
    return this.sut.gql(
      'mutation ($id: ID!, $s: FocusAreaStatus!) { moveFocusArea(id: $id, status: $s) { id status } }',
      {
        id,
        s: status,
      },
      token,
    );
  }

  async move(id: string, ...statuses: string[]): Promise<void> {
    for (const s of statuses) dataOf(await this.moveRaw(id, s));
  }
}
