# `sam build` runs `make build-<LogicalId>` for each function with `Metadata: BuildMethod: makefile`,
# setting ARTIFACTS_DIR. Lambda's Java runtime loads classes from the artifact root and jars from lib/.
# sam build's own Maven workflow cannot build a multi-module project, hence this file.

MVN ?= mvn -B -q

build-CheckoutFunction:
	$(MAKE) --no-print-directory package-function MODULE=functions/checkout

build-VerifyFunction:
	$(MAKE) --no-print-directory package-function MODULE=functions/verify

build-RebillFunction:
	$(MAKE) --no-print-directory package-function MODULE=functions/rebill

# the planner's bundle, with the worker's handler class in it
build-RebillWorkerFunction:
	$(MAKE) --no-print-directory package-function MODULE=functions/rebill

# Compiles the module and what it depends on, then lays out its runtime classpath only
# (no test jars, no testkit, no emulator or sandbox classes).
package-function:
	test -n "$(ARTIFACTS_DIR)" || (echo "ARTIFACTS_DIR is not set (run through sam build)"; exit 1)
	rm -rf $(MODULE)/target/lambda-lib
	$(MVN) -pl $(MODULE) -am -DskipTests package dependency:copy-dependencies \
		-DincludeScope=runtime -Dmdep.prependGroupId=true -DoutputDirectory=target/lambda-lib
	cp -r $(MODULE)/target/classes/. "$(ARTIFACTS_DIR)/"
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(MODULE)/target/lambda-lib/*.jar "$(ARTIFACTS_DIR)/lib/"

.PHONY: build-CheckoutFunction build-VerifyFunction build-RebillFunction build-RebillWorkerFunction package-function
