export interface Config {
  demoCluster?: {
    /**
     * Serve the fixture Kubernetes API under /api/demo-cluster. On for the embedded
     * default only: it answers without authentication, with workloads named after
     * catalog components. Default: false.
     */
    enabled?: boolean;
  };
}
