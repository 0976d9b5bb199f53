import { FalcoMappingRule } from '@internal/plugin-falco-common';
import { FalcoEvent } from '../ingest/FalcoEvent';
import { parseEqualitySelector, podLabelsOf, selectorMatches } from './podLabels';

/** What a component declares about where it runs, read from its annotations. */
export interface MappableComponent {
  entityRef: string;
  kubernetesId?: string;
  namespace?: string;
  labelSelector?: string;
  containerImages: string[];
}

export interface MappingResult {
  entityRef: string;
  mappedBy: FalcoMappingRule;
}

const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/**
 * Decides which component an event belongs to. The first rule that matches wins, from
 * the most to the least specific:
 * 1. pod label `backstage.io/kubernetes-id` = the component's kubernetes-id;
 * 2. the component's `backstage.io/kubernetes-label-selector` matches the pod labels;
 * 3. `container.image.repository` is one of the component's `devportal.io/container-image`;
 * 4. the pod is named `<kubernetes-id>-...` (Deployment, StatefulSet, Job pods) in the
 *    component's namespace, the longest id winning;
 * 5. the namespace is claimed by exactly one component.
 * Rules 1, 2 and 4 also require the component's namespace when it declares one.
 */
export class ComponentMapping {
  private readonly byKubernetesId = new Map<string, MappableComponent[]>();
  private readonly bySelector: Array<{ component: MappableComponent; selector: NonNullable<ReturnType<typeof parseEqualitySelector>> }> = [];
  private readonly byImage = new Map<string, MappableComponent>();
  private readonly byIdLongestFirst: MappableComponent[];
  private readonly soleComponentOfNamespace = new Map<string, MappableComponent>();

  constructor(readonly components: MappableComponent[]) {
    const perNamespace = new Map<string, MappableComponent[]>();
    for (const component of components) {
      if (component.kubernetesId) {
        const list = this.byKubernetesId.get(component.kubernetesId) ?? [];
        list.push(component);
        this.byKubernetesId.set(component.kubernetesId, list);
      }
      const selector = component.labelSelector && parseEqualitySelector(component.labelSelector);
      if (selector) this.bySelector.push({ component, selector });
      for (const image of component.containerImages) this.byImage.set(image, component);
      if (component.namespace) {
        perNamespace.set(component.namespace, [...(perNamespace.get(component.namespace) ?? []), component]);
      }
    }
    for (const [namespace, list] of perNamespace) {
      if (list.length === 1) this.soleComponentOfNamespace.set(namespace, list[0]);
    }
    this.byIdLongestFirst = components
      .filter(c => c.kubernetesId)
      .sort((a, b) => b.kubernetesId!.length - a.kubernetesId!.length);
  }

  map(event: Pick<FalcoEvent, 'outputFields' | 'namespace' | 'pod' | 'containerImage'>): MappingResult | undefined {
    const inNamespace = (c: MappableComponent) =>
      !c.namespace || !event.namespace || c.namespace === event.namespace;
    const labels = podLabelsOf(event.outputFields);

    const labelledId = labels.get(KUBERNETES_ID_LABEL);
    const byLabel = labelledId ? this.byKubernetesId.get(labelledId)?.find(inNamespace) : undefined;
    if (byLabel) return { entityRef: byLabel.entityRef, mappedBy: 'pod-label' };

    if (labels.size > 0) {
      const bySelector = this.bySelector.find(
        s => inNamespace(s.component) && selectorMatches(s.selector, labels),
      );
      if (bySelector) return { entityRef: bySelector.component.entityRef, mappedBy: 'label-selector' };
    }

    const byImage = event.containerImage ? this.byImage.get(stripTag(event.containerImage)) : undefined;
    if (byImage) return { entityRef: byImage.entityRef, mappedBy: 'container-image' };

    if (event.pod) {
      const byPodName = this.byIdLongestFirst.find(
        c => event.namespace && c.namespace === event.namespace && event.pod!.startsWith(`${c.kubernetesId}-`),
      );
      if (byPodName) return { entityRef: byPodName.entityRef, mappedBy: 'pod-name' };
    }

    const byNamespace = event.namespace ? this.soleComponentOfNamespace.get(event.namespace) : undefined;
    if (byNamespace) return { entityRef: byNamespace.entityRef, mappedBy: 'namespace' };
    return undefined;
  }
}

/** `registry/x:1.2` and `registry/x@sha256:...` are the repository `registry/x`. */
export function stripTag(image: string): string {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}
