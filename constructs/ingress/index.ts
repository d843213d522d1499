// constructs/ingress: export the public constructs of this area.
export {};
