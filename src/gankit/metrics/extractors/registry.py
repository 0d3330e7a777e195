"""The extractor registry: each feature extractor's name and summary; its module is imported
when it is built. An entry's implementation is a factory:

    make(dataset, path, device) -> Extractor

`dataset` is the real data being compared against (the domain classifier is per dataset),
`path` an explicit weights file (None: the extractor's default place).
"""

from gankit.core.registry import Registry

EXTRACTORS: Registry = Registry("extractor")
DEFAULT = "domain-classifier"
ENV_VAR = "GANKIT_INCEPTION_WEIGHTS"  # where the FID Inception weights are, when not given

EXTRACTORS.declare("domain-classifier",
                   "small CNN gankit trains per dataset (gankit train-classifier); 256-d",
                   "gankit.metrics.extractors.factories:make_domain_classifier")
EXTRACTORS.declare("inception-v3-fid",
                   f"FID's Inception-v3 from a local file (${ENV_VAR}); 2048-d",
                   "gankit.metrics.extractors.factories:make_inception")
