/**
 * The commission calculation's implementation. Not exported by the module and not part of the API: nothing here
 * is covered by the compatibility policy, and code outside salesops-comp must not use it.
 */
package io.salesops.comp.internal;
