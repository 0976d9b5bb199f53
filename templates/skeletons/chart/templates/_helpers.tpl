{{/*
The Kubernetes name of every object: the component name, which is also the chart name.
*/}}
{{- define "app.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels that select this release's pods. Immutable on Deployments: never add to them.
*/}}
{{- define "app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels on every object, pods included. The portal reads backstage.io/kubernetes-id (which
workloads belong to the component), team and cost-center (cost per team), service (cost
and SLO series per service), part-of and tier.
*/}}
{{- define "app.labels" -}}
{{ include "app.selectorLabels" . }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ include "app.imageTag" . | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: {{ required "ownership.system is required" .Values.ownership.system }}
backstage.io/kubernetes-id: {{ include "app.name" . }}
team: {{ required "ownership.team is required" .Values.ownership.team }}
service: {{ include "app.name" . }}
cost-center: {{ required "ownership.costCenter is required" .Values.ownership.costCenter }}
tier: {{ required "ownership.tier is required" .Values.ownership.tier }}
{{- end }}

{{- define "app.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/*
The environment being deployed, from environments, as JSON; {} while environment is empty.
*/}}
{{- define "app.environment" -}}
{{- if .Values.environment }}
{{- $environment := get .Values.environments .Values.environment }}
{{- if not $environment }}
{{- fail (printf "environment %q is not one of environments (%s)" .Values.environment (keys .Values.environments | sortAlpha | join ", ")) }}
{{- end }}
{{- toJson $environment }}
{{- else }}
{{- "{}" }}
{{- end }}
{{- end }}

{{- define "app.imageRepository" -}}
{{- $environment := include "app.environment" . | fromJson }}
{{- if .Values.image.repository }}
{{- .Values.image.repository }}
{{- else if $environment }}
{{- $environment.imageRepository }}
{{- else }}
{{- (index .Values.environments (keys .Values.environments | sortAlpha | first)).imageRepository }}
{{- end }}
{{- end }}

{{- define "app.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" (include "app.imageRepository" .) .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" (include "app.imageRepository" .) (include "app.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
IAM role for IRSA: serviceAccount.roleArn, else the role Terraform names <name>-<environment>
in the environment's account.
*/}}
{{- define "app.roleArn" -}}
{{- $environment := include "app.environment" . | fromJson }}
{{- if .Values.serviceAccount.roleArn }}
{{- .Values.serviceAccount.roleArn }}
{{- else if $environment }}
{{- printf "arn:aws:iam::%s:role/%s-%s" (toString $environment.awsAccountId) (include "app.name" .) .Values.environment }}
{{- end }}
{{- end }}

{{- define "app.isCronJob" -}}
{{- if eq .Values.workload.type "cronjob" }}true{{ end }}
{{- end }}

{{/*
The pod spec shared by the Deployment and the CronJob.
*/}}
{{- define "app.podSpec" -}}
{{- $cronJob := include "app.isCronJob" . -}}
{{- $probePort := ternary "http" "metrics" (eq .Values.workload.type "http") -}}
serviceAccountName: {{ include "app.name" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
{{- if $cronJob }}
restartPolicy: Never
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
containers:
  - name: {{ include "app.name" . }}
    image: {{ include "app.image" . }}
    imagePullPolicy: {{ .Values.image.pullPolicy }}
    ports:
      {{- if eq .Values.workload.type "http" }}
      - name: http
        containerPort: {{ .Values.ports.http }}
        protocol: TCP
      {{- end }}
      - name: metrics
        containerPort: {{ .Values.ports.metrics }}
        protocol: TCP
    env:
      {{- if eq .Values.workload.type "http" }}
      - name: HTTP_PORT
        value: {{ .Values.ports.http | quote }}
      {{- end }}
      - name: METRICS_PORT
        value: {{ .Values.ports.metrics | quote }}
      {{- if $cronJob }}
      - name: PUSHGATEWAY_URL
        value: {{ .Values.metrics.pushgatewayUrl | quote }}
      {{- end }}
      {{- with .Values.extraEnv }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
    {{- with .Values.envFrom }}
    envFrom:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    livenessProbe:
      httpGet:
        path: /healthz
        port: {{ $probePort }}
      periodSeconds: 10
      timeoutSeconds: 2
      failureThreshold: 3
    {{- if not $cronJob }}
    readinessProbe:
      httpGet:
        path: /readyz
        port: {{ $probePort }}
      periodSeconds: 5
      timeoutSeconds: 2
      failureThreshold: 2
    {{- end }}
    resources:
      {{- toYaml .Values.resources | nindent 6 }}
    securityContext:
      {{- toYaml .Values.securityContext | nindent 6 }}
    volumeMounts:
      # The root filesystem is read-only; /tmp is the one writable place.
      - name: tmp
        mountPath: /tmp
volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 64Mi
{{- if and (not $cronJob) .Values.topologySpread.enabled }}
topologySpreadConstraints:
  {{- range list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
  - topologyKey: {{ . }}
    maxSkew: {{ $.Values.topologySpread.maxSkew }}
    whenUnsatisfiable: {{ $.Values.topologySpread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "app.selectorLabels" $ | nindent 8 }}
    # Count only pods of the same rollout, so old pods do not skew where new ones land.
    matchLabelKeys:
      - pod-template-hash
  {{- end }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
