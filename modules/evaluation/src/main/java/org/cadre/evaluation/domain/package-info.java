/**
 * Evaluation's domain: a cycle and its transitions (open, start a run, finish or fail it), each checked here and
 * returning the event it raises; services load, call, store and publish.
 */
package org.cadre.evaluation.domain;
