// Assertions of scripts/check-k8s.sh on the rendered Kubernetes manifests (kubectl's JSON).
//
//   node scripts/check-k8s.mjs BASE_JSON SECRET_TEMPLATE_JSON SERVER_DOC
//
// BASE_JSON: the kustomize base, SECRET_TEMPLATE_JSON: k8s/secret.template.yaml (empty if the
// file is missing), both as kubectl prints them (pretty JSON objects, one after the other);
// SERVER_DOC: docs/server.md, whose configuration table names every GALAXY_* variable.
// Prints one line per failed check and exits 1 if any failed.
import { readFileSync } from 'node:fs';

// The names the manifests and docs/operations.md use.
const SERVER = 'galaxy-server';
const SECRET = 'galaxy-secrets';
// GALAXY_PORT's default (docs/server.md).
const DEFAULT_PORT = 8000;
// nginx's WebSocket timeouts must exceed its 60 s default, or quiet connections are cut.
const MIN_PROXY_TIMEOUT_S = 60;
// The server needs up to 10 s to write its final snapshot; Kubernetes' default is 30 s.
const MIN_GRACE_PERIOD_S = 30;
const TIMEOUT_ANNOTATIONS = [
  'nginx.ingress.kubernetes.io/proxy-read-timeout',
  'nginx.ingress.kubernetes.io/proxy-send-timeout',
];
// A placeholder in the Secret template starts with this; anything else may be a real secret.
const PLACEHOLDER = 'REPLACE_ME';
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob',
                        'Pod'];
// Multipliers of the suffixes of Kubernetes resource quantities.
const QUANTITY_SCALE = {
  m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

const failures = [];
let checks = 0;

// Records one check; a false condition adds the message to the failures.
function expect(condition, message) {
  checks += 1;
  if (!condition) failures.push(message);
  return Boolean(condition);
}

// kubectl prints each object as indented JSON ending with "}" alone on a line; nested objects
// are indented, so a bare "}" line closes exactly one top-level object.
function parseObjects(text) {
  return text
    .split(/^\}$/m)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => JSON.parse(`${chunk}}`));
}

const label = (o) => `${o.kind}/${o.metadata?.name}`;
const workloadsOf = (objects) => objects.filter((o) => WORKLOAD_KINDS.includes(o.kind));
const serverDeployment = (objects) =>
  objects.find((o) => o.kind === 'Deployment' && o.metadata.name === SERVER);

function podSpecOf(workload) {
  if (workload.kind === 'Pod') return workload.spec ?? {};
  if (workload.kind === 'CronJob') return workload.spec?.jobTemplate?.spec?.template?.spec ?? {};
  return workload.spec?.template?.spec ?? {};
}

function containersOf(podSpec) {
  return [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])];
}

// Whether a container declares the port a probe or Service names (by name or by number).
const hasPort = (ports, port) => ports.some((p) => p.name === port || p.containerPort === port);

// A Kubernetes resource quantity ("500m", "2", "512Mi", "1G") in base units; NaN if malformed.
function quantity(value) {
  const match = /^(\d+(?:\.\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(String(value));
  if (!match) return Number.NaN;
  return Number(match[1]) * (match[2] ? QUANTITY_SCALE[match[2]] : 1);
}

// The GALAXY_* variables of docs/server.md's configuration table ("| `GALAXY_X` | ...").
function documentedVariables(markdown) {
  return new Set([...markdown.matchAll(/^\| `(GALAXY_[A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
}

function checkNamespace(objects) {
  const namespaces = objects.filter((o) => o.kind === 'Namespace');
  if (!expect(namespaces.length === 1, `expected one Namespace, found ${namespaces.length}`)) {
    return;
  }
  const name = namespaces[0].metadata.name;
  for (const o of objects) {
    if (o.kind === 'Namespace') continue;
    expect(o.metadata?.namespace === name, `${label(o)} is not in namespace ${name}`);
  }
}

function checkServerDeployment(objects, serverPort) {
  const deployment = serverDeployment(objects);
  if (!expect(deployment, `Deployment/${SERVER} missing`)) return;
  const where = label(deployment);
  // One world writer: a second pod would run a second world on the same tables.
  const { replicas, strategy } = deployment.spec;
  expect(replicas === 1, `${where}: replicas must be 1, is ${replicas}`);
  expect(strategy?.type === 'Recreate',
         `${where}: strategy must be Recreate, is ${strategy?.type ?? 'RollingUpdate (default)'}`);
  const container = podSpecOf(deployment).containers?.find((c) => c.name === SERVER);
  if (!expect(container, `${where}: no container named ${SERVER}`)) return;
  const ports = container.ports ?? [];
  expect(ports.some((p) => p.containerPort === serverPort),
         `${where}: no containerPort ${serverPort} (the ConfigMap's GALAXY_PORT)`);
  const probes = [['readinessProbe', '/health/ready'], ['livenessProbe', '/health/live']];
  for (const [probe, path] of probes) {
    const get = container[probe]?.httpGet;
    if (!expect(get, `${where}: ${probe} missing or not httpGet`)) continue;
    expect(get.path === path, `${where}: ${probe} path must be ${path}, is ${get.path}`);
    expect(hasPort(ports, get.port), `${where}: ${probe} port ${get.port} is not a container port`);
  }
}

function checkSecurityContext(where, podSpec, container) {
  const pod = podSpec.securityContext ?? {};
  const own = container.securityContext ?? {};
  const setting = (key) => (own[key] !== undefined ? own[key] : pod[key]);
  expect(setting('runAsNonRoot') === true, `${where}: runAsNonRoot must be true`);
  expect(setting('runAsUser') !== 0, `${where}: runAsUser must not be 0`);
  expect(own.allowPrivilegeEscalation === false,
         `${where}: allowPrivilegeEscalation must be false`);
  expect(own.privileged !== true, `${where}: must not be privileged`);
  expect(own.readOnlyRootFilesystem === true, `${where}: readOnlyRootFilesystem must be true`);
  expect((own.capabilities?.drop ?? []).includes('ALL'), `${where}: capabilities must drop ALL`);
  expect((own.capabilities?.add ?? []).length === 0, `${where}: must not add capabilities`);
  expect(['RuntimeDefault', 'Localhost'].includes(setting('seccompProfile')?.type),
         `${where}: seccompProfile must be RuntimeDefault`);
}

function checkResources(where, container) {
  const resources = container.resources ?? {};
  for (const kind of ['requests', 'limits']) {
    for (const resource of ['cpu', 'memory']) {
      const value = resources[kind]?.[resource];
      const name = `resources.${kind}.${resource}`;
      if (!expect(value !== undefined, `${where}: ${name} missing`)) continue;
      expect(!Number.isNaN(quantity(value)), `${where}: ${name} '${value}' is not a quantity`);
    }
  }
  for (const resource of ['cpu', 'memory']) {
    const request = quantity(resources.requests?.[resource]);
    const limit = quantity(resources.limits?.[resource]);
    if (Number.isNaN(request) || Number.isNaN(limit)) continue;
    expect(limit >= request, `${where}: ${resource} limit is below its request`);
  }
}

function checkImage(where, container) {
  const image = String(container.image ?? '');
  const tag = /:([^/:@]+)$/.exec(image)?.[1];
  expect(image.includes('@') || (tag && tag !== 'latest'),
         `${where}: image '${image}' needs a version tag (not latest)`);
}

function checkWorkloads(objects) {
  for (const workload of workloadsOf(objects)) {
    const spec = podSpecOf(workload);
    const grace = spec.terminationGracePeriodSeconds;
    expect(Number.isInteger(grace) && grace >= MIN_GRACE_PERIOD_S,
           `${label(workload)}: terminationGracePeriodSeconds must be set and ` +
           `>= ${MIN_GRACE_PERIOD_S}, is ${grace}`);
    expect(!spec.hostNetwork && !spec.hostPID && !spec.hostIPC,
           `${label(workload)}: must not share the host's network, PID or IPC namespace`);
    for (const container of containersOf(spec)) {
      const where = `${label(workload)} container ${container.name}`;
      checkResources(where, container);
      checkSecurityContext(where, spec, container);
      checkImage(where, container);
    }
  }
}

function checkStorage(objects) {
  const claims = objects.filter((o) => o.kind === 'PersistentVolumeClaim');
  const sets = objects.filter((o) => o.kind === 'StatefulSet');
  const templates = sets.flatMap((s) => s.spec.volumeClaimTemplates ?? []);
  expect(claims.length + templates.length > 0,
         'no PersistentVolumeClaim (object or StatefulSet volumeClaimTemplate): ' +
         'the database would lose its data');
  const described = [
    ...claims.map((c) => [label(c), c]),
    ...templates.map((t) => [`volumeClaimTemplate ${t.metadata?.name}`, t]),
  ];
  for (const [where, claim] of described) {
    expect(claim.spec?.resources?.requests?.storage, `${where}: no storage request`);
    expect((claim.spec?.accessModes ?? []).length > 0, `${where}: no accessModes`);
  }
  for (const set of sets) {
    const mounted = new Set(containersOf(podSpecOf(set))
      .flatMap((c) => (c.volumeMounts ?? []).map((m) => m.name)));
    for (const template of set.spec.volumeClaimTemplates ?? []) {
      const name = template.metadata.name;
      expect(mounted.has(name),
             `${label(set)}: volumeClaimTemplate ${name} is not mounted by any container`);
    }
  }
  const used = new Set(workloadsOf(objects)
    .flatMap((w) => (podSpecOf(w).volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName)));
  for (const claim of claims) {
    expect(used.has(claim.metadata.name), `${label(claim)} is not used by any workload`);
  }
}

function checkService(objects, services) {
  const server = serverDeployment(objects);
  const service = services.get(SERVER);
  if (!expect(service, `Service/${SERVER} missing`) || !server) return;
  const labels = server.spec.template.metadata?.labels ?? {};
  const selector = Object.entries(service.spec.selector ?? {});
  expect(selector.length > 0 && selector.every(([k, v]) => labels[k] === v),
         `Service/${SERVER}: selector does not match the Deployment's pod labels`);
  const ports = podSpecOf(server).containers.flatMap((c) => c.ports ?? []);
  for (const port of service.spec.ports ?? []) {
    const target = port.targetPort ?? port.port;
    expect(hasPort(ports, target),
           `Service/${SERVER}: targetPort ${target} is not a container port`);
  }
}

function checkIngresses(objects, services) {
  const ingresses = objects.filter((o) => o.kind === 'Ingress');
  expect(ingresses.length > 0, 'no Ingress: players cannot reach the server');
  let routesToServer = false;
  for (const ingress of ingresses) {
    const where = label(ingress);
    for (const annotation of TIMEOUT_ANNOTATIONS) {
      const value = ingress.metadata.annotations?.[annotation];
      expect(/^\d+$/.test(String(value)) && Number(value) > MIN_PROXY_TIMEOUT_S,
             `${where}: ${annotation} must be an integer > ${MIN_PROXY_TIMEOUT_S} s ` +
             `(WebSockets), is ${value}`);
    }
    const backends = (ingress.spec.rules ?? [])
      .flatMap((rule) => (rule.http?.paths ?? []).map((path) => path.backend?.service ?? {}));
    for (const { name, port = {} } of backends) {
      const target = services.get(name);
      if (!expect(target, `${where}: backend Service ${name} does not exist`)) continue;
      routesToServer ||= name === SERVER;
      expect((target.spec.ports ?? []).some((p) => p.name === port.name || p.port === port.number),
             `${where}: Service ${name} has no port ${port.name ?? port.number}`);
    }
  }
  expect(routesToServer, `no Ingress routes to Service/${SERVER}`);
}

// Every env variable of every container, with the container it belongs to in `where`.
function allEnv(objects) {
  return workloadsOf(objects).flatMap((w) => containersOf(podSpecOf(w)).flatMap((c) =>
    (c.env ?? []).map((e) => ({ ...e, where: `${label(w)} container ${c.name}` }))));
}

// Every {name, key, where} of a Secret that a container reads (env or volume).
function secretReferences(objects) {
  const fromEnv = allEnv(objects)
    .filter((e) => e.valueFrom?.secretKeyRef)
    .map((e) => ({ ...e.valueFrom.secretKeyRef, where: e.where }));
  const fromVolumes = workloadsOf(objects).flatMap((w) => (podSpecOf(w).volumes ?? [])
    .filter((v) => v.secret)
    .flatMap((v) => (v.secret.items ?? [{}])
      .map((item) => ({ name: v.secret.secretName, key: item.key, where: label(w) }))));
  return [...fromEnv, ...fromVolumes];
}

// A password inside a URL ("scheme://user:password@host") must be a $(VAR) reference.
function hasLiteralUrlPassword(value) {
  const match = /:\/\/[^/:@]*:([^@]*)@/.exec(String(value));
  return Boolean(match) && !/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(match[1]);
}

function checkSecrets(objects, templateObjects) {
  // The base must not ship a Secret: `kubectl apply -k` would overwrite the real one.
  for (const o of objects) {
    expect(o.kind !== 'Secret', `${label(o)} is in the base; it belongs in secret.template.yaml`);
  }
  for (const e of allEnv(objects)) {
    const secretName = /PASSWORD|SECRET|TOKEN|KEY/.test(e.name) && !e.name.endsWith('_FILE');
    expect(!(secretName && e.value !== undefined),
           `${e.where}: ${e.name} has a literal value; use a secretKeyRef`);
    expect(!hasLiteralUrlPassword(e.value), `${e.where}: ${e.name} holds a literal password`);
  }
  for (const map of objects.filter((o) => o.kind === 'ConfigMap')) {
    for (const [key, value] of Object.entries(map.data ?? {})) {
      expect(!hasLiteralUrlPassword(value), `${label(map)}: ${key} holds a literal password`);
    }
  }
  const secrets = templateObjects.filter((o) => o.kind === 'Secret');
  if (!expect(secrets.length === 1 && secrets[0].metadata.name === SECRET,
              `secret.template.yaml must hold exactly the Secret ${SECRET}`)) {
    return;
  }
  const template = secrets[0];
  const where = `${label(template)} template`;
  // Base64 "data" would hide what a value is; placeholders are plain stringData.
  expect(template.data === undefined, `${where}: use stringData placeholders, not data`);
  const keys = Object.keys(template.stringData ?? {});
  for (const key of keys) {
    expect(String(template.stringData[key]).startsWith(PLACEHOLDER),
           `${where}: ${key} is not a ${PLACEHOLDER} placeholder (looks like a real secret)`);
  }
  // Every Secret the workloads read must be this one, with a key the template defines.
  for (const ref of secretReferences(objects)) {
    expect(ref.name === SECRET, `${ref.where}: reads Secret ${ref.name}, which has no template`);
    expect(ref.key === undefined || keys.includes(ref.key),
           `${ref.where}: reads key ${ref.key} that secret.template.yaml does not define`);
  }
}

// The server's settings: documented variables only (the server silently ignores an unknown
// variable in its environment, so a typo would go unnoticed), string values, secrets kept out
// of ConfigMaps. Returns the GALAXY_PORT the server will listen on.
function checkConfig(objects, variables) {
  const server = serverDeployment(objects);
  const container = server && podSpecOf(server).containers?.find((c) => c.name === SERVER);
  if (!container) return DEFAULT_PORT;
  const where = label(server);
  const mapNames = (container.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean);
  expect(mapNames.length > 0, `${where}: no envFrom ConfigMap with the GALAXY_* settings`);
  const settings = {};
  for (const name of mapNames) {
    const map = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!expect(map, `${where}: ConfigMap ${name} does not exist`)) continue;
    Object.assign(settings, map.data ?? {});
  }
  for (const e of container.env ?? []) {
    if (e.name.startsWith('GALAXY_')) settings[e.name] = e.value ?? '(from a reference)';
  }
  for (const [key, value] of Object.entries(settings)) {
    expect(variables.has(key), `${where}: ${key} is not a variable of docs/server.md`);
    expect(typeof value === 'string',
           `${where}: ${key} must be a string, is ${JSON.stringify(value)}`);
  }
  for (const map of objects.filter((o) => o.kind === 'ConfigMap')) {
    for (const secret of ['GALAXY_JWT_SECRET', 'GALAXY_DATABASE_URL']) {
      expect(!(secret in (map.data ?? {})), `${label(map)}: ${secret} belongs in the Secret`);
    }
  }
  expect('GALAXY_DATABASE_URL' in settings, `${where}: GALAXY_DATABASE_URL is not set`);
  expect('GALAXY_JWT_SECRET' in settings || 'GALAXY_JWT_SECRET_FILE' in settings,
         `${where}: neither GALAXY_JWT_SECRET nor GALAXY_JWT_SECRET_FILE is set`);
  return Number(settings.GALAXY_PORT ?? DEFAULT_PORT);
}

function main([basePath, templatePath, docPath]) {
  let objects;
  let templateObjects;
  try {
    objects = parseObjects(readFileSync(basePath, 'utf8'));
    templateObjects = parseObjects(readFileSync(templatePath, 'utf8'));
  } catch (error) {
    console.log(`check-k8s: FAIL cannot read kubectl's JSON output: ${error.message}`);
    return 1;
  }
  const variables = documentedVariables(readFileSync(docPath, 'utf8'));
  expect(variables.size > 0, `no GALAXY_* variables found in ${docPath}`);
  const services = new Map(objects.filter((o) => o.kind === 'Service')
    .map((s) => [s.metadata.name, s]));
  checkNamespace(objects);
  const serverPort = checkConfig(objects, variables);
  checkServerDeployment(objects, serverPort);
  checkWorkloads(objects);
  checkStorage(objects);
  checkService(objects, services);
  checkIngresses(objects, services);
  checkSecrets(objects, templateObjects);
  for (const failure of failures) console.log(`check-k8s: FAIL ${failure}`);
  if (failures.length > 0) {
    console.log(`check-k8s: ${failures.length} of ${checks} checks failed`);
    return 1;
  }
  console.log(`check-k8s: all ${checks} checks passed ` +
              `(${objects.length} objects: ${objects.map(label).join(', ')})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
